import { defineMessages, type Locale, type Params, translate } from '../i18n/catalog.js';

export const drillMessages = defineMessages({
  en: {
    'drill-title': 'Drill {step}/{of} · {id}',
    'drill-active': 'You have a drill in progress here ({step}/{of}). Resume it, or stop it and start over.',
    'drill-resume': 'Resume',
    'drill-start-over': 'Start over',
    'drill-none': 'You have no drill in progress here. Start one with `/drill [topic] [count=1-20]`.',
    'drill-empty': 'No questions match that drill. Try another topic or difficulty.',
    'drill-not-current': 'That question is not the current one of your drill. Type `/drill resume` to see where you are.',
    'drill-summary-title': 'Drill summary',
    'drill-summary-score': '{correct}/{answered} right, {points} points.',
    'drill-summary-stopped': 'Stopped after {answered} of {of} questions.',
    'drill-summary-topic': '{topic}: {correct}/{answered}',
    'drill-summary-weakest': 'Weakest topic: {topic}. Next: `/drill {id} count={count}`',
    'drill-summary-none': 'No questions answered.',
    'drill-due-note': '{due} review(s) due today, {fresh} new.',
  },
  zh: {
    'drill-title': '练习 {step}/{of} · {id}',
    'drill-active': '你在这里有一轮未完成的练习（{step}/{of}）。可以继续，或结束后重新开始。',
    'drill-resume': '继续',
    'drill-start-over': '重新开始',
    'drill-none': '你在这里没有进行中的练习。用 `/drill [主题] [count=1-20]` 开始一轮。',
    'drill-empty': '没有符合条件的题目，换个主题或难度试试。',
    'drill-not-current': '这道题不是你当前练习中的题目。输入 `/drill resume` 查看进度。',
    'drill-summary-title': '练习小结',
    'drill-summary-score': '答对 {correct}/{answered}，得 {points} 分。',
    'drill-summary-stopped': '在第 {answered}/{of} 题后结束。',
    'drill-summary-topic': '{topic}：{correct}/{answered}',
    'drill-summary-weakest': '最薄弱的主题：{topic}。建议下一轮：`/drill {id} count={count}`',
    'drill-summary-none': '本轮没有作答。',
    'drill-due-note': '今天有 {due} 道待复习，{fresh} 道新题。',
  },
});

export type DrillMessageKey = keyof typeof drillMessages.en;

export function drt(locale: Locale, key: DrillMessageKey, params?: Params): string {
  return translate(drillMessages, locale, key, params);
}
