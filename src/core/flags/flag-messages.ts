import { defineMessages, type Locale, type Params, translate } from '../i18n/catalog.js';

export const flagMessages = defineMessages({
  en: {
    'flag-title': 'Flagged · {id}',
    'flag-new': 'Thanks: the question’s maintainers see it in the question report.',
    'flag-updated': 'You had flagged this question already: your flag is updated and still counts once.',
    'flag-reason': 'Your reason: {reason}',
    'flag-no-reason': 'No reason given: `/flag <reason>` adds one (for example, which option is wrong and why).',
    'flag-nothing':
      'There is no question to flag: `/flag` flags the last question you were shown or answered in this workspace. Get one with `/quiz`.',
  },
  zh: {
    'flag-title': '已标记 · {id}',
    'flag-new': '谢谢！题目维护者会在题目报告中看到它。',
    'flag-updated': '你之前已经标记过这道题：标记已更新，仍只算一次。',
    'flag-reason': '你的原因：{reason}',
    'flag-no-reason': '没有填写原因：用 `/flag <原因>` 补上（例如哪个选项有误、为什么）。',
    'flag-nothing': '没有可以标记的题目：`/flag` 标记你在这个工作区最近看到或答过的题目。先用 `/quiz` 来一道。',
  },
});

export type FlagMessageKey = keyof typeof flagMessages.en;

export function ft(locale: Locale, key: FlagMessageKey, params?: Params): string {
  return translate(flagMessages, locale, key, params);
}
