import { defineMessages, type Locale, type Params, translate } from '../../core/i18n/catalog.js';

/** The console adapter's own strings (everything else comes from the core). */
export const consoleMessages = defineMessages({
  en: {
    banner: 'PrepBot console. Type /help, /quiz, /answer <text>, /as <name>; Ctrl-D or Ctrl-C to quit.',
    'acting-as': '(now acting as {name})',
    'to-user': '[to {name}]',
    'type-to-act': 'Type:',
  },
  zh: {
    banner: 'PrepBot 控制台。输入 /help、/quiz、/answer <答案>、/as <名字>；Ctrl-D 或 Ctrl-C 退出。',
    'acting-as': '（现在的身份：{name}）',
    'to-user': '[仅 {name} 可见]',
    'type-to-act': '输入：',
  },
});

export function ct(locale: Locale, key: keyof typeof consoleMessages.en, params?: Params): string {
  return translate(consoleMessages, locale, key, params);
}
