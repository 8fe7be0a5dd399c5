import { defineMessages, type Locale, type Params, translate } from '../../core/i18n/catalog.js';

/** The console adapter's own strings (everything else comes from the core). */
export const consoleMessages = defineMessages({
  en: {
    banner: 'PrepBot console. Type /help, /quiz, /answer <text>, /as <name>; Ctrl-D, Ctrl-C or exit to quit.',
    'not-a-command': 'Not sent: commands start with a slash. To answer, type /answer <text>; /help lists the commands.',
    'acting-as': '(now acting as {name})',
    'to-user': '[to {name}]',
    'type-to-act': 'Type:',
  },
  zh: {
    banner: 'PrepBot 控制台。输入 /help、/quiz、/answer <答案>、/as <名字>；Ctrl-D、Ctrl-C 或 exit 退出。',
    'not-a-command': '未发送：命令以斜杠开头。作答请输入 /answer <答案>；/help 查看所有命令。',
    'acting-as': '（现在的身份：{name}）',
    'to-user': '[仅 {name} 可见]',
    'type-to-act': '输入：',
  },
});

export function ct(locale: Locale, key: keyof typeof consoleMessages.en, params?: Params): string {
  return translate(consoleMessages, locale, key, params);
}
