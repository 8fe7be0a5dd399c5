import { type Job, UnrecoverableError } from 'bullmq';
import { MessageFlags, ApplicationCommandOptionType as T } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../src/adapters/discord/discord-platform.js';
import { registerCommands } from '../../src/adapters/discord/register-commands.js';
import { dailyScheduleId } from '../../src/core/daily/daily-jobs.js';
import { createLogger } from '../../src/infra/logger.js';
import { processJob } from '../../src/infra/queue/job-worker.js';
import type { InjectedInteraction } from '../support/fake-discord/fake-discord.js';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';
import { createTestApp } from '../support/test-app.js';

let fake: FakeDiscord;
let app: ReturnType<typeof createTestApp>;
let discord: DiscordPlatform;

const TOKEN = 'fake-bot-token';
const ADMIN = { permissions: 'manageGuild' as const };

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  app = createTestApp();
  discord = new DiscordPlatform({
    token: TOKEN,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    defaultLocale: 'en',
    logger: createLogger('silent'),
  });
  // The core posts scheduled work to Discord through the adapter, as main.ts wires it.
  app.deps.platforms.discord = discord;
  await registerCommands({ token: TOKEN, applicationId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl });
  await discord.start(app.bot);
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  await app?.close();
});

type Body = {
  type?: number;
  data?: Record<string, unknown>;
  embeds?: Array<Record<string, unknown>>;
  components?: unknown[];
  flags?: number;
};

const originalPath = (i: InjectedInteraction) => `/webhooks/${fake.applicationId}/${i.token}/messages/@original`;
const followUpPath = (i: InjectedInteraction) => `/webhooks/${fake.applicationId}/${i.token}`;

/** The first message the core sent for an interaction: the filled deferred reply, or the first follow-up. */
async function firstMessage(i: InjectedInteraction, path: (i: InjectedInteraction) => string = originalPath): Promise<Body> {
  const call = await fake.waitForCall(path === originalPath ? 'PATCH' : 'POST', path(i), 3000);
  return call.body as Body;
}

function customIds(body: Body): string[] {
  const rows = (body.components ?? []) as Array<{ components: Array<{ custom_id?: string; label?: string }> }>;
  return rows.flatMap((r) => r.components.map((c) => c.custom_id ?? ''));
}

function buttonId(body: Body, label: string): string {
  const rows = (body.components ?? []) as Array<{ components: Array<{ custom_id?: string; label?: string }> }>;
  const id = rows.flatMap((r) => r.components).find((c) => c.label === label)?.custom_id;
  if (!id) throw new Error(`no button ${label}`);
  return id;
}

/** A member of the fake's world by user name. */
function userId(name: string): string {
  const id = [...fake.world.users.values()].find((u) => u.username === name)?.id;
  if (!id) throw new Error(`no user ${name}`);
  return id;
}

const quiz = (target: string, extra: Record<string, unknown> = {}) =>
  fake.inject.slashCommand({ name: 'quiz', options: [{ name: 'target', type: T.String, value: target }], ...extra });

describe('Discord adapter through the real discord.js client', () => {
  it('registers the command table as guild commands, with subcommands and admin defaults', () => {
    const commands = fake.world.guildCommands.get(fake.guildId) ?? [];
    expect(commands.map((c) => c.name)).toEqual([
      'quiz',
      'answer',
      'drill',
      'mock',
      'stats',
      'leaderboard',
      'daily',
      'rate',
      'skip',
      'flag',
      'questions',
      'topics',
      'lang',
      'help',
    ]);
    expect(commands.find((c) => c.name === 'daily')?.default_member_permissions).toBe(String(1 << 5));
    expect(commands.find((c) => c.name === 'questions')?.default_member_permissions).toBe(String(1 << 5));
    expect(fake.problems()).toEqual([]);
  });

  it('defers a slash command within 3 s with the declared visibility, then fills it with the card', async () => {
    const injected = await quiz('t-handshake-count');
    const callback = await injected.waitForCallback();
    expect(callback.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(callback.at - injected.record.dispatchedAt).toBeLessThan(3000);
    const card = await firstMessage(injected);
    expect(card.embeds?.[0]?.title).toBe('Question t-handshake-count');
    expect(customIds(card)).toHaveLength(3);
    expect(fake.unknownCalls()).toEqual([]);
  });

  it('grades a button answer privately and once, even when clicked twice, and updates the card', async () => {
    const command = await quiz('t-handshake-count', { user: userId('alice') });
    const card = await firstMessage(command);
    const messageId = command.record.originalId ?? '';
    const click = await fake.inject.button({ user: userId('alice'), customId: buttonId(card, 'B'), messageId });
    expect((await click.waitForCallback()).body).toEqual({ type: 6 }); // deferred update of the card
    const feedback = await firstMessage(click, followUpPath);
    expect(feedback.flags).toBe(MessageFlags.Ephemeral);
    expect(feedback.embeds?.[0]?.description).toContain('Correct');
    const updated = await fake.waitForCall('PATCH', originalPath(click), 3000);
    const buttons = ((updated.body as Body).components as Array<{ components: Array<{ disabled?: boolean }> }>)[0]?.components;
    expect(buttons?.every((b) => b.disabled)).toBe(true);

    const again = await fake.inject.button({ user: userId('alice'), customId: buttonId(card, 'B'), messageId });
    const second = await firstMessage(again, followUpPath);
    expect(second.embeds?.[0]?.description).toContain('already answered');
    const alice = [...fake.world.users.values()].find((u) => u.username === 'alice');
    const standing = await app.deps.leaderboards.standing(
      { workspace: { platform: 'discord', workspaceId: fake.guildId }, period: 'all' },
      alice?.id ?? '',
    );
    expect(standing?.points).toBe(20);
  });

  it('answers a multiple-choice question through the select menu', async () => {
    const command = await quiz('t-flags', { user: userId('bob') });
    const card = await firstMessage(command);
    const [selectId] = customIds(card);
    const pick = await fake.inject.selectMenu({
      user: userId('bob'),
      customId: selectId ?? '',
      values: ['A', 'B', 'C', 'D'],
      messageId: command.record.originalId ?? '',
    });
    expect((await pick.waitForCallback()).body).toEqual({ type: 6 }); // the member's own card is updated
    expect((await firstMessage(pick, followUpPath)).embeds?.[0]?.description).toContain('Correct');
    const updated = (await fake.waitForCall('PATCH', originalPath(pick), 3000)).body as Body;
    expect(updated.components).toEqual([]); // the menu is gone once answered
  });

  it('takes an open answer through a modal', async () => {
    const command = await quiz('g-why-gil', { user: userId('owner') });
    const card = await firstMessage(command);
    const open = await fake.inject.button({
      user: userId('owner'),
      customId: buttonId(card, 'Answer'),
      messageId: command.record.originalId ?? '',
    });
    const modal = (await open.waitForCallback()).body as Body;
    expect(modal.type).toBe(9);
    const formId = String(modal.data?.custom_id);
    const submitted = await fake.inject.modalSubmit({
      user: userId('owner'),
      customId: formId,
      fields: { answer: 'Reference counting is not thread-safe, and the GIL keeps C extensions simple and single threads fast.' },
    });
    const feedback = await firstMessage(submitted);
    expect(feedback.embeds?.[0]?.description).toMatch(/key points covered/);
    // The rating buttons come with the feedback of an open question.
    expect(customIds(feedback)).toHaveLength(4);
  });

  it('answers a zh-CN member in Chinese', async () => {
    const injected = await quiz('t-handshake-count', { locale: 'zh-CN' });
    expect((await firstMessage(injected)).embeds?.[0]?.title).toBe('题目 t-handshake-count');
  });

  it('lets an admin post the daily question to the channel, and refuses a member', async () => {
    const denied = await fake.inject.slashCommand({ name: 'daily', options: [{ name: 'now', type: T.Subcommand, options: [] }] });
    expect((await denied.waitForCallback()).body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect((await firstMessage(denied)).embeds?.[0]?.description).toContain('Only admins');
    expect(fake.callsTo('POST', `/channels/${fake.channelId}/messages`)).toHaveLength(0);

    const set = await fake.inject.slashCommand({
      name: 'daily',
      options: [{ name: 'set', type: T.Subcommand, options: [{ name: 'time', type: T.String, value: '09:00' }] }],
      ...ADMIN,
    });
    expect((await set.waitForCallback()).body).toEqual({ type: 5, data: { flags: 0 } }); // `/daily set` answers in public
    expect((await firstMessage(set)).embeds?.[0]?.description).toContain('Daily question set');

    const now = await fake.inject.slashCommand({ name: 'daily', options: [{ name: 'now', type: T.Subcommand, options: [] }], ...ADMIN });
    const post = await fake.waitForCall('POST', `/channels/${fake.channelId}/messages`, 3000);
    const body = post.body as Body & { nonce?: string; enforce_nonce?: boolean };
    expect(body.embeds?.[0]?.title).toMatch(/^Daily question/);
    expect(body.nonce).toMatch(/^[\w-]{25}$/);
    expect(body.enforce_nonce).toBe(true);
    expect((await firstMessage(now)).embeds?.[0]?.description).toMatch(/Posted question/);
  });

  it('retries a post the platform failed for now, and ends the schedule of a channel that is gone', async () => {
    const dailyChannel = fake.world.guilds[0]?.channels[1]?.id ?? '';
    const set = await fake.inject.slashCommand({
      name: 'daily',
      channelId: dailyChannel,
      options: [{ name: 'set', type: T.Subcommand, options: [{ name: 'time', type: T.String, value: '10:00' }] }],
      ...ADMIN,
    });
    await firstMessage(set);
    const channel = { platform: 'discord' as const, workspaceId: fake.guildId, channelId: dailyChannel };
    const run = { name: 'daily-post', data: { channel }, timestamp: Date.now(), delay: 0, attemptsMade: 0 } as unknown as Job;
    // Discord down for longer than discord.js's own retries: the job fails retryably and the schedule stays.
    fake.failNext(`/channels/${dailyChannel}/messages`, 500, { message: 'oops', code: 0 }, 4);
    const transient = await processJob(app.jobHandlers, run).catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(Error);
    expect(transient).not.toBeInstanceOf(UnrecoverableError);
    expect(await app.deps.schedules.get(channel)).toBeDefined();
    // The channel is deleted: the job fails for good and the channel's schedule ends.
    fake.failNext(`/channels/${dailyChannel}/messages`, 404, { message: 'Unknown Channel', code: 10003 });
    await expect(processJob(app.jobHandlers, run)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await app.deps.schedules.get(channel)).toBeUndefined();
    expect(await app.jobs.nextRun(channel, dailyScheduleId(channel))).toBeUndefined();
  });

  it('runs a drill of two questions through its components, updating the session message each step', async () => {
    const start = await fake.inject.slashCommand({
      user: { username: 'dora' },
      name: 'drill',
      options: [
        {
          name: 'start',
          type: T.Subcommand,
          options: [
            { name: 'topic', type: T.String, value: 'tcp' },
            { name: 'count', type: T.Integer, value: 2 },
          ],
        },
      ],
    });
    let session = await firstMessage(start);
    const messageId = start.record.originalId ?? '';
    const titles: string[] = [String(session.embeds?.[0]?.title)];
    for (let step = 1; step <= 2; step++) {
      const id = String(session.embeds?.[0]?.title).split(' · ').at(-1);
      const [componentId] = customIds(session);
      const click =
        id === 't-handshake-count'
          ? await fake.inject.button({ user: userId('dora'), customId: buttonId(session, 'B'), messageId })
          : await fake.inject.selectMenu({ user: userId('dora'), customId: componentId ?? '', values: ['A', 'B', 'C', 'D'], messageId });
      expect((await click.waitForCallback()).body).toEqual({ type: 6 }); // the session message will be updated
      expect((await firstMessage(click, followUpPath)).embeds?.[0]?.description).toContain('Correct');
      session = (await fake.waitForCall('PATCH', originalPath(click), 3000)).body as Body;
      titles.push(String(session.embeds?.[0]?.title));
    }
    expect(titles).toEqual([expect.stringMatching(/^Drill 1\/2 · /), expect.stringMatching(/^Drill 2\/2 · /), 'Drill summary']);
    expect(session.embeds?.[0]?.description).toContain('2/2 right');
    expect(fake.world.messages.get(messageId)?.embeds?.[0]?.title).toBe('Drill summary');
  });

  it('runs a one-round panel with two members who join through the Join button', async () => {
    const since = fake.mark();
    const start = await fake.inject.slashCommand({
      user: userId('alice'),
      name: 'mock',
      options: [
        {
          name: 'start',
          type: T.Subcommand,
          options: [
            { name: 'topic', type: T.String, value: 'tcp' },
            { name: 'rounds', type: T.Integer, value: 1 },
            { name: 'seconds', type: T.Integer, value: 30 },
          ],
        },
      ],
    });
    expect((await start.waitForCallback()).body).toEqual({ type: 5, data: { flags: 0 } }); // the lobby is public
    const lobby = await firstMessage(start);
    expect(lobby.embeds?.[0]?.title).toBe('Mock interview · lobby');
    const join = await fake.inject.button({
      user: userId('bob'),
      customId: buttonId(lobby, 'Join'),
      messageId: start.record.originalId ?? '',
    });
    expect((await firstMessage(join)).embeds?.[0]?.description).toContain('You are in');
    const begin = await fake.inject.slashCommand({
      user: userId('alice'),
      name: 'mock',
      options: [{ name: 'begin', type: T.Subcommand, options: [] }],
    });
    await firstMessage(begin);
    const round = await fake.waitForCall('POST', `/channels/${fake.channelId}/messages`, 3000, since);
    const card = round.body as Body;
    expect(card.embeds?.[0]?.title).toMatch(/^Round 1\/1 · t-flags/);
    const roundMessage = (round.response as { id: string }).id;
    const [selectId] = customIds(card);
    for (const who of ['alice', 'bob']) {
      const pick = await fake.inject.selectMenu({
        user: userId(who),
        customId: selectId ?? '',
        values: ['A', 'B', 'C', 'D'],
        messageId: roundMessage,
      });
      expect((await firstMessage(pick)).embeds?.[0]?.description).toContain('Answer recorded');
    }
    // Both answered: the round ends at once with its results, then the final results.
    const posts = await fake.waitForCalls('POST', `/channels/${fake.channelId}/messages`, 3, 3000, since);
    const [results, final] = posts.slice(1).map((c) => c.body as Body);
    expect(results?.embeds?.[0]?.title).toMatch(/^Round 1\/1 results/);
    expect(results?.embeds?.[0]?.description).toMatch(/Right, in order: Alice, Bob|Right, in order: alice, bob/i);
    expect(final?.embeds?.[0]?.title).toBe('Mock interview · final results');
    // The lobby message was edited to list bob, through the channel message endpoint.
    const edit = fake.callsTo('PATCH', `/channels/${fake.channelId}/messages/${start.record.originalId}`, since)[0];
    expect(JSON.stringify(edit?.body)).toContain('Participants (2/50)');
    expect(app.errors).toEqual([]);
  });

  it('names a mentioned member by the name Discord resolved, before they have said anything', async () => {
    const newcomer = fake.world.addUser({ username: 'newbie', globalName: 'New Bie' });
    const injected = await fake.inject.slashCommand({ name: 'stats', options: [{ name: 'member', type: T.User, value: newcomer.id }] });
    const reply = await firstMessage(injected);
    expect(reply.embeds?.[0]?.title).toBe('Stats · New Bie');
  });

  it('suggests topics while typing (autocomplete)', async () => {
    const injected = await fake.inject.autocomplete({ name: 'quiz', focusedOption: 'target', value: 'tc' });
    const callback = (await injected.waitForCallback()).body as { type: number; data: { choices: Array<{ value: string }> } };
    expect(callback.type).toBe(8);
    expect(callback.data.choices.map((c) => c.value)).toContain('tcp-udp');
  });

  it('explains a button from an old version instead of failing', async () => {
    const click = await fake.inject.button({ customId: 'ans:old:A', messageId: '1' });
    expect((await click.waitForCallback()).body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect((await firstMessage(click)).embeds?.[0]?.description).toContain('version of PrepBot that is gone');
    expect(fake.problems()).toEqual([]);
  });
});
