import type { UseCaseContext } from '../bot-deps.js';
import { t } from '../i18n/messages.js';
import type { QuestionBank } from '../questions/question-bank.js';
import type { Topic } from '../questions/schema.js';
import { topicName } from '../questions/topic-names.js';

/** `/topics`: every topic with the short words that pick it (`tcp`, `dns`) and how many questions it has. */
export async function showTopics(ctx: UseCaseContext): Promise<void> {
  const { bank } = ctx.deps;
  const rows = bank.topics().map((topic) => {
    const short = shortNames(bank, topic);
    return t(ctx.locale, 'topics-row', {
      id: topic,
      short: short.length > 0 ? ` (${short.join(', ')})` : '',
      name: topicName(topic, ctx.locale),
      count: bank.pool({ topic }).length,
    });
  });
  await ctx.reply({
    visibility: 'private',
    tone: 'info',
    title: t(ctx.locale, 'topics-title', { count: bank.size }),
    text: rows.join('\n'),
    footer: t(ctx.locale, 'topics-footer'),
  });
}

/** The parts of a topic id that name this topic alone wherever a topic is asked for. */
function shortNames(bank: QuestionBank, topic: Topic): string[] {
  return topic.split('-').filter((part) => part !== topic && bank.topicsMeant(part).join() === topic);
}
