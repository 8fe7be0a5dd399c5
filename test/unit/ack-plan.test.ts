import { describe, expect, it } from 'vitest';
import { CONSOLE_CAPABILITIES } from '../../src/adapters/console/console-platform.js';
import { encodeAction, encodeForm } from '../../src/core/actions/action-codec.js';
import { Bot } from '../../src/core/bot.js';
import type { DailyDeps } from '../../src/core/daily/daily-ports.js';
import { coreHandlers } from '../../src/core/handlers.js';
import type { InboundEvent } from '../../src/core/types.js';
import { ALL_CAPABILITIES } from '../support/recording-platform.js';

// ackPlan is pure: an adapter calls it before anything is looked up, so no deps are needed.
const bot = new Bot({} as DailyDeps, coreHandlers());
const base = {
  channel: { platform: 'discord' as const, workspaceId: 'G', channelId: 'C' },
  user: { platform: 'discord' as const, userId: 'U', displayName: 'u', isAdmin: false },
};
const text = (t: string): InboundEvent => ({ ...base, kind: 'text', text: t });
const action = (actionId: string): InboundEvent => ({ ...base, kind: 'action', actionId });

describe('ack plans: how an adapter acknowledges before the core runs', () => {
  it.each([
    ['/quiz tcp', { kind: 'reply', visibility: 'private' }],
    ['/leaderboard week', { kind: 'reply', visibility: 'public' }],
    ['/leaderboard hide-me', { kind: 'reply', visibility: 'private' }],
    ['/daily set 09:30', { kind: 'reply', visibility: 'public' }],
    ['/daily now', { kind: 'reply', visibility: 'private' }],
    ['/answer B', { kind: 'reply', visibility: 'private' }],
    ['/answer', { kind: 'form' }],
    ['/no-such-command', { kind: 'reply', visibility: 'private' }],
    ['/daily sometime', { kind: 'reply', visibility: 'private' }],
  ])('%s with forms', (line, plan) => {
    expect(bot.ackPlan(text(line), ALL_CAPABILITIES)).toEqual(plan);
  });

  it('asks for a form only where the platform has forms', () => {
    expect(bot.ackPlan(text('/answer'), CONSOLE_CAPABILITIES)).toEqual({ kind: 'reply', visibility: 'private' });
    const command: InboundEvent = { ...base, kind: 'command', command: { name: 'answer', args: {} } };
    expect(bot.ackPlan(command, ALL_CAPABILITIES)).toEqual({ kind: 'form' });
  });

  it.each([
    [encodeAction({ kind: 'ans', target: 'i', value: 'A' }), { kind: 'reply', visibility: 'private' }],
    [encodeAction({ kind: 'own', target: 'i', value: 'A' }), { kind: 'update' }],
    [encodeAction({ kind: 'pick', target: 'i', value: '' }), { kind: 'reply', visibility: 'private' }],
    [encodeAction({ kind: 'form', target: 'i', value: '' }), { kind: 'form' }],
    [encodeAction({ kind: 'rate', target: 'i', value: 'good' }), { kind: 'reply', visibility: 'private' }],
    ['ans:old-format:A', { kind: 'reply', visibility: 'private' }],
  ])('action %s', (id, plan) => {
    expect(bot.ackPlan(action(id), ALL_CAPABILITIES)).toEqual(plan);
  });

  it('acknowledges a submitted form with a private reply', () => {
    const form: InboundEvent = { ...base, kind: 'form', formId: encodeForm('answer', 'i'), fields: { answer: 'x' } };
    expect(bot.ackPlan(form, ALL_CAPABILITIES)).toEqual({ kind: 'reply', visibility: 'private' });
  });
});

describe('option suggestions (Discord autocomplete)', () => {
  it('offers topics by id or name in both languages, then question ids, within Discord’s limits', async () => {
    const { join } = await import('node:path');
    const { loadQuestionFiles } = await import('../../src/infra/questions/load-question-files.js');
    const { QuestionBank } = await import('../../src/core/questions/question-bank.js');
    const bank = new QuestionBank(loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions')).questions);
    const withBank = new Bot({ bank } as DailyDeps, coreHandlers());
    expect(withBank.suggest('quiz', 'target', 'tcp', 'en')[0]?.value).toBe('tcp-udp');
    expect(withBank.suggest('quiz', 'target', '协程', 'zh').map((s) => s.value)).toEqual(['coroutines-async']);
    expect(withBank.suggest('daily', 'topic', 'gil', 'en').map((s) => s.value)).toEqual(['gil']);
    const ids = withBank.suggest('quiz', 'target', 'tcp-', 'en');
    expect(ids.length).toBe(25);
    expect(ids.every((s) => s.name.length <= 100 && s.value.length <= 100)).toBe(true);
    expect(ids.filter((s) => s.value !== 'tcp-udp').every((s) => bank.byId(s.value)?.id.includes('tcp-'))).toBe(true);
    expect(withBank.suggest('quiz', 'nope', 'tcp', 'en')).toEqual([]);
    expect(withBank.suggest('lang', 'locale', 'z', 'en')).toEqual([]);
  });
});
