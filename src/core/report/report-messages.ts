import { defineMessages, type Locale, type Params, translate } from '../i18n/catalog.js';

export const reportMessages = defineMessages({
  en: {
    'report-title': 'Question report · {scope}',
    'report-page': '{title} ({page}/{pages})',
    'report-scope-all': 'all topics',
    'report-summary': '{answers} recorded answers to {questions} questions · {accuracy}% right',
    'report-none': 'No recorded answers yet.',
    'report-accuracy': '**Accuracy per question** (most answered first)',
    'report-accuracy-row': '**{id}** · {answers} answers · {accuracy}% right',
    'report-more': '… and {count} more (name a topic, or a larger limit, to see them).',
    'report-hardest': '**Hardest** (lowest accuracy, at least {min} answers)',
    'report-hardest-row': '{rank}. **{id}** · {accuracy}% right of {answers} · mean score {score}%',
    'report-hardest-distractor': '    most picked wrong option: **{key}** ({count} · {share}%)',
    'report-hardest-none': 'No question has {min} answers yet.',
    'report-flagged': '**Most flagged**',
    'report-flagged-row': '**{id}** · flagged by {count}',
    'report-flag-reason': '    “{reason}” ({name}, {date})',
    'report-flag-silent': '    {count} more without a reason',
    'report-flagged-none': 'No flags yet.',
    'report-spread': '**Answer distribution** (how many answers picked each option; ✓ right)',
    'report-spread-row': '**{id}** · {answers} answers · {accuracy}% right',
    'report-spread-none': 'No choice question has answers yet.',
    'report-footer': 'Counted from every recorded answer in every mode (a member answering again in a review counts again).',
    'report-held': '{count} question(s) open in a channel are left out until their reveal.',
    'report-clipped': '… more than fits: name a topic or a smaller limit.',
  },
  zh: {
    'report-title': '题目报告 · {scope}',
    'report-page': '{title}（{page}/{pages}）',
    'report-scope-all': '全部主题',
    'report-summary': '{questions} 道题共有 {answers} 次作答记录 · 正确率 {accuracy}%',
    'report-none': '还没有作答记录。',
    'report-accuracy': '**每道题的正确率**（作答多的在前）',
    'report-accuracy-row': '**{id}** · 作答 {answers} 次 · 正确率 {accuracy}%',
    'report-more': '……另有 {count} 道（指定主题或调大 limit 可查看）。',
    'report-hardest': '**最难的题**（正确率最低，至少 {min} 次作答）',
    'report-hardest-row': '{rank}. **{id}** · 正确率 {accuracy}%（{answers} 次作答）· 平均得分 {score}%',
    'report-hardest-distractor': '    最常被选的错误选项：**{key}**（{count} 次 · {share}%）',
    'report-hardest-none': '还没有题目达到 {min} 次作答。',
    'report-flagged': '**被标记最多的题**',
    'report-flagged-row': '**{id}** · {count} 人标记',
    'report-flag-reason': '    “{reason}”（{name}，{date}）',
    'report-flag-silent': '    另有 {count} 人未写原因',
    'report-flagged-none': '还没有人标记题目。',
    'report-spread': '**选项分布**（每个选项被多少次作答选中；✓ 为正确选项）',
    'report-spread-row': '**{id}** · 作答 {answers} 次 · 正确率 {accuracy}%',
    'report-spread-none': '还没有选择题的作答记录。',
    'report-footer': '统计来自所有模式下记录的每一次作答（复习时再次作答会再计一次）。',
    'report-held': '{count} 道正在频道中进行的题目在揭晓前不计入报告。',
    'report-clipped': '……内容太多未能全部显示：请指定主题或调小 limit。',
  },
});

export type ReportMessageKey = keyof typeof reportMessages.en;

export function rt(locale: Locale, key: ReportMessageKey, params?: Params): string {
  return translate(reportMessages, locale, key, params);
}
