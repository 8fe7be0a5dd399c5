import { defineMessages, type Locale, type Params, translate } from '../../core/i18n/catalog.js';

/** The Slack adapter's own strings (everything else comes from the core). */
export const slackMessages = defineMessages({
  en: {
    'form-expired': 'The answer form could not open in time. Click the button again, or type `/prep answer <your answer>`.',
    'form-failed': 'The answer form could not open. Type `/prep answer <your answer>` instead.',
  },
  zh: {
    'form-expired': '作答窗口没能及时打开。请再点一次按钮，或输入 `/prep answer <你的答案>`。',
    'form-failed': '作答窗口打不开。请改为输入 `/prep answer <你的答案>`。',
  },
});

export function st(locale: Locale, key: keyof typeof slackMessages.en, params?: Params): string {
  return translate(slackMessages, locale, key, params);
}
