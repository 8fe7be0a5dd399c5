import { defineMessages, type Locale, type Params, translate } from '../i18n/catalog.js';

/** The member's home (Slack's App Home tab). */
export const homeMessages = defineMessages({
  en: {
    'home-title': 'PrepBot',
    'home-intro': 'Interview practice on networking and concurrency: a question whenever you like, and a daily question with your team.',
    'home-all-time': 'Your points · all time',
    'home-this-week': 'Your points · this week ({week})',
    'home-standing': '{points} points · #{rank}',
    'home-no-points': 'No points yet',
    'home-streak': '**Daily streak**: {days} day(s) in a row (best {best})',
    'home-streak-broken': '**Daily streak**: none running (best {best}). Answer the daily question today to start again.',
    'home-streak-none': '**Daily streak**: answer a daily question to start one.',
    'home-due': '**Reviews due today**: {due}. `/drill` serves them first.',
    'home-start':
      '**Get started**\n`/quiz` a question for you (e.g. `/quiz tcp-udp`)\n`/drill` a run of questions, reviews first\n`/stats` your accuracy and mastery by topic\n`/leaderboard` who is ahead\n`/help` every command',
    'home-footer': 'Points count once per question in practice; every daily question counts.',
  },
  zh: {
    'home-title': 'PrepBot',
    'home-intro': '网络与并发的面试练习：随时来一道题，也可以和团队一起做每日一题。',
    'home-all-time': '你的积分 · 总榜',
    'home-this-week': '你的积分 · 本周（{week}）',
    'home-standing': '{points} 分 · 第 {rank} 名',
    'home-no-points': '还没有积分',
    'home-streak': '**每日一题连续作答**：已连续 {days} 天（最长 {best} 天）',
    'home-streak-broken': '**每日一题连续作答**：已中断（最长 {best} 天）。今天答一道每日一题即可重新开始。',
    'home-streak-none': '**每日一题连续作答**：答一道每日一题即可开始。',
    'home-due': '**今天待复习**：{due} 道。`/drill` 会先出这些题。',
    'home-start':
      '**开始**\n`/quiz` 给自己来一道题（例如 `/quiz tcp-udp`）\n`/drill` 连续练习，先复习到期的题\n`/stats` 正确率与各主题掌握度\n`/leaderboard` 看看谁领先\n`/help` 全部命令',
    'home-footer': '练习中每道题只计一次分；每日一题每次都计分。',
  },
});

export type HomeMessageKey = keyof typeof homeMessages.en;

export function ht(locale: Locale, key: HomeMessageKey, params?: Params): string {
  return translate(homeMessages, locale, key, params);
}
