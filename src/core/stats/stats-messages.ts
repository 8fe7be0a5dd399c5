import { defineMessages, type Locale, type Params, translate } from '../i18n/catalog.js';

export const statsMessages = defineMessages({
  en: {
    'stats-title': 'Stats · {name}',
    'stats-answered': '{answered} answered, {accuracy}% right',
    'stats-none': 'No answers yet. Start with `/quiz` or `/drill`.',
    'stats-streak': 'Daily streak: {current} day(s) (best {best})',
    'stats-due': 'Reviews due today: {due}',
    'stats-mastery': 'Mastery by topic (average score):',
    'stats-hidden': '{name} keeps their stats private.',
    'stats-unknown-member': 'No member "{name}" here. Mention them, e.g. `/stats @name`.',
  },
  zh: {
    'stats-title': '学习统计 · {name}',
    'stats-answered': '作答 {answered} 次，正确率 {accuracy}%',
    'stats-none': '还没有作答记录。先用 `/quiz` 或 `/drill` 开始吧。',
    'stats-streak': '每日一题连续：{current} 天（最长 {best} 天）',
    'stats-due': '今天待复习：{due} 道',
    'stats-mastery': '各主题掌握度（平均得分）：',
    'stats-hidden': '{name} 没有公开自己的统计。',
    'stats-unknown-member': '这里没有名为 “{name}” 的成员。请用提及，例如 `/stats @名字`。',
  },
});

export type StatsMessageKey = keyof typeof statsMessages.en;

export function stt(locale: Locale, key: StatsMessageKey, params?: Params): string {
  return translate(statsMessages, locale, key, params);
}
