import { once } from 'node:events';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  type ChatInputApplicationCommandData,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  type RateLimitData,
  RESTEvents,
  Routes,
  type TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';

let fake: FakeDiscord;
let client: Client;

/** Runs `fn` on the next interaction the real client emits; its result (or error) settles the promise. */
function nextInteraction<T>(fn: (i: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (i) => {
      fn(i).then(resolve, reject);
    });
  });
}

const callbackPath = (i: { id: string; token: string }) => `/interactions/${i.id}/${i.token}/callback`;
const originalPath = (i: { token: string }) => `/webhooks/${fake.applicationId}/${i.token}/messages/@original`;

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  const ready = once(client, Events.ClientReady);
  await client.login('fake-bot-token');
  await ready;
});

afterAll(async () => {
  // The client first: a client whose server vanishes keeps trying to resume.
  await client?.destroy();
  await fake?.close();
});

describe('fake Discord with the real discord.js client', () => {
  it('logs in over the gateway and caches the fake guild', () => {
    expect(client.user?.id).toBe(fake.botId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.channelId)?.isTextBased()).toBe(true);
    expect(guild?.roles.everyone.permissions.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(guild?.members.me?.id).toBe(fake.botId);
    expect(fake.callsTo('GET', '/gateway/bot')).toHaveLength(1);
    const identify = fake.gateway.received.filter((p) => p.op === 2);
    expect(identify).toHaveLength(1);
    expect(identify[0]?.d).toMatchObject({ intents: GatewayIntentBits.Guilds, shard: [0, 1], compress: false });
  });

  it('stores bulk-overwritten guild commands, keeps their ids, and rejects invalid ones', async () => {
    const commands: ChatInputApplicationCommandData[] = [
      {
        name: 'daily',
        description: 'Daily question',
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'set',
            description: 'Set the time',
            options: [{ type: ApplicationCommandOptionType.String, name: 'time', description: 'HH:MM', required: true }],
          },
        ],
      },
      {
        name: 'quiz',
        description: 'Start a quiz',
        options: [{ type: ApplicationCommandOptionType.String, name: 'topic', description: 'Topic', autocomplete: true }],
      },
    ];
    const app = client.application;
    if (!app) throw new Error('no application');
    const set = await app.commands.set(commands, fake.guildId);
    expect([...set.values()].map((c) => c.name).sort()).toEqual(['daily', 'quiz']);

    const readBack = (await client.rest.get(Routes.applicationGuildCommands(fake.applicationId, fake.guildId))) as Array<{
      id: string;
      name: string;
    }>;
    expect(readBack.map((c) => c.name)).toEqual(['daily', 'quiz']);
    expect(readBack.map((c) => c.id).sort()).toEqual([...set.keys()].sort());

    const again = await app.commands.set(commands, fake.guildId);
    expect([...again.keys()].sort()).toEqual([...set.keys()].sort());

    const bad = app.commands.set([{ name: 'Daily', description: 'upper-case names are invalid' }], fake.guildId);
    await expect(bad).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(bad).rejects.toMatchObject({ code: 50035, status: 400 });
  });

  it('records a deferred ephemeral reply and the edit of @original', async () => {
    const handled = nextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error(`unexpected ${i.type}`);
      const seen = {
        sub: i.options.getSubcommand(),
        time: i.options.getString('time'),
        locale: i.locale,
        manageGuild: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild),
        guildId: i.guildId,
      };
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const reply = await i.editReply('hi');
      const followUp = await i.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
      return { seen, reply, followUp };
    });
    const injected = await fake.inject.slashCommand({
      name: 'daily',
      options: [
        {
          name: 'set',
          type: ApplicationCommandOptionType.Subcommand,
          options: [{ name: 'time', type: ApplicationCommandOptionType.String, value: '09:00' }],
        },
      ],
      locale: 'zh-CN',
      permissions: 'manageGuild',
    });
    const { seen, reply, followUp } = await handled;
    expect(seen).toEqual({ sub: 'set', time: '09:00', locale: 'zh-CN', manageGuild: true, guildId: fake.guildId });

    const [callback] = fake.callsTo('POST', callbackPath(injected));
    expect(callback).toMatchObject({ status: 204, auth: 'none', body: { type: 5, data: { flags: MessageFlags.Ephemeral } } });
    const edits = fake.callsTo('PATCH', originalPath(injected));
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ status: 200, body: { content: 'hi' } });
    expect(fake.calls.indexOf(edits[0] as (typeof fake.calls)[number])).toBeGreaterThan(
      fake.calls.indexOf(callback as (typeof fake.calls)[number]),
    );
    expect(reply.content).toBe('hi');
    expect(reply.flags.has(MessageFlags.Ephemeral)).toBe(true);
    expect(injected.record.callbacks.map((c) => c.type)).toEqual([5]);
    const followUps = fake.callsTo('POST', `/webhooks/${fake.applicationId}/${injected.token}`);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ status: 200, body: { content: 'more', flags: MessageFlags.Ephemeral } });
    expect(followUp.id).not.toBe(reply.id);
  });

  it('updates the message a clicked button sits on (callback type 7)', async () => {
    const channel = client.channels.cache.get(fake.channelId) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('answer:a').setLabel('A').setStyle(ButtonStyle.Primary),
    );
    const question = await channel.send({ content: 'Question 1', components: [row] });

    const handled = nextInteraction(async (i) => {
      if (!i.isButton()) throw new Error(`unexpected ${i.type}`);
      await i.update({ content: 'Answered: A', components: [] });
      return { customId: i.customId, messageId: i.message.id };
    });
    const injected = await fake.inject.button({ customId: 'answer:a', messageId: question.id });
    expect(await handled).toEqual({ customId: 'answer:a', messageId: question.id });
    const callback = await injected.waitForCallback();
    expect(callback).toMatchObject({ status: 204, body: { type: 7, data: { content: 'Answered: A', components: [] } } });
    expect(fake.world.messages.get(question.id)?.content).toBe('Answered: A');
    expect(() => fake.button({ customId: 'answer:zzz', messageId: question.id })).toThrow(/no component/);
  });

  it('shows a modal, then reads the submitted text input', async () => {
    const shown = nextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error(`unexpected ${i.type}`);
      const input = new TextInputBuilder().setCustomId('answer').setLabel('Your answer').setStyle(TextInputStyle.Paragraph);
      await i.showModal(
        new ModalBuilder()
          .setCustomId('answer-modal')
          .setTitle('Answer')
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
      );
    });
    const command = await fake.inject.slashCommand({ name: 'quiz' });
    await shown;
    expect(fake.callsTo('POST', callbackPath(command))[0]?.body).toMatchObject({
      type: 9,
      data: { custom_id: 'answer-modal', title: 'Answer' },
    });

    const submitted = nextInteraction(async (i) => {
      if (!i.isModalSubmit()) throw new Error(`unexpected ${i.type}`);
      const value = i.fields.getTextInputValue('answer');
      const response = await i.reply({ content: `Got: ${value}`, flags: MessageFlags.Ephemeral, withResponse: true });
      return { value, messageId: response.resource?.message?.id, ephemeral: response.interaction.responseMessageEphemeral };
    });
    const modal = await fake.inject.modalSubmit({ customId: 'answer-modal', fields: { answer: 'SYN, SYN-ACK, ACK' } });
    const got = await submitted;
    expect(got).toMatchObject({ value: 'SYN, SYN-ACK, ACK', ephemeral: true });
    const [callback] = fake.callsTo('POST', callbackPath(modal));
    expect(callback).toMatchObject({ status: 200, query: { with_response: 'true' } });
    expect(callback?.body).toMatchObject({ type: 4, data: { content: 'Got: SYN, SYN-ACK, ACK', flags: MessageFlags.Ephemeral } });
    expect(got.messageId).toBe(modal.record.originalId);
    expect(() => fake.modalSubmit({ customId: 'answer-modal', fields: { nope: 'x' } })).toThrow(/no text input/);
  });

  it('delivers select menu values and records a deferred update (type 6)', async () => {
    const handled = nextInteraction(async (i) => {
      if (!i.isStringSelectMenu()) throw new Error(`unexpected ${i.type}`);
      await i.deferUpdate();
      return i.values;
    });
    const injected = await fake.inject.selectMenu({ customId: 'topic', values: ['tcp', 'udp'] });
    expect(await handled).toEqual(['tcp', 'udp']);
    expect((await injected.waitForCallback()).body).toEqual({ type: 6 });
  });

  it('answers autocomplete with choices (type 8)', async () => {
    const handled = nextInteraction(async (i) => {
      if (!i.isAutocomplete()) throw new Error(`unexpected ${i.type}`);
      const focused = i.options.getFocused(true);
      await i.respond([{ name: 'TCP handshake', value: 'tcp' }]);
      return focused;
    });
    const injected = await fake.inject.autocomplete({ name: 'quiz', focusedOption: 'topic', value: 'tc' });
    expect(await handled).toMatchObject({ name: 'topic', value: 'tc' });
    expect((await injected.waitForCallback()).body).toEqual({ type: 8, data: { choices: [{ name: 'TCP handshake', value: 'tcp' }] } });
  });

  it('refuses a second acknowledgement of the same interaction', async () => {
    const handled = nextInteraction(async (i) => {
      if (!i.isButton()) throw new Error(`unexpected ${i.type}`);
      await i.deferUpdate();
    });
    const injected = await fake.inject.button({ customId: 'again' });
    await handled;
    const second = client.rest.post(Routes.interactionCallback(injected.id, injected.token), { body: { type: 6 }, auth: false });
    await expect(second).rejects.toMatchObject({ code: 40060, status: 400 });
  });

  it('posts channel messages with fresh snowflakes and honours enforce_nonce', async () => {
    const channel = client.channels.cache.get(fake.channelId) as TextChannel;
    const since = fake.mark();
    const first = await channel.send('hello');
    const second = await channel.send('hello again');
    const posts = fake.callsTo('POST', `/channels/${fake.channelId}/messages`, since);
    expect(posts.map((c) => [c.status, (c.body as { content: string }).content, c.auth])).toEqual([
      [200, 'hello', 'bot'],
      [200, 'hello again', 'bot'],
    ]);
    expect(BigInt(second.id)).toBeGreaterThan(BigInt(first.id));
    expect(Math.abs(first.createdTimestamp - Date.now())).toBeLessThan(5000);
    expect(first.author.id).toBe(fake.botId);
    const burst = Array.from({ length: 500 }, () => BigInt(fake.world.ids.next()));
    expect(burst.every((id, i) => i === 0 || id > (burst[i - 1] ?? id))).toBe(true);

    const withFile = await channel.send({
      content: 'notes attached',
      files: [{ attachment: Buffer.from('SYN\nSYN-ACK\nACK\n'), name: 'notes.txt' }],
    });
    const upload = fake.callsTo('POST', `/channels/${fake.channelId}/messages`, since).at(-1);
    expect(upload?.body).toMatchObject({ content: 'notes attached' });
    expect(upload?.files).toEqual([expect.objectContaining({ field: 'files[0]', filename: 'notes.txt', size: 16 })]);
    expect(withFile.attachments.first()?.name).toBe('notes.txt');

    const body = { content: 'once', nonce: 'daily-2024-01-01', enforce_nonce: true };
    const a = (await client.rest.post(Routes.channelMessages(fake.channelId), { body })) as { id: string };
    const b = (await client.rest.post(Routes.channelMessages(fake.channelId), { body })) as { id: string };
    expect(b.id).toBe(a.id);
  });

  it('lets discord.js retry a 429 with its rate-limit headers, then succeed', async () => {
    const channel = client.channels.cache.get(fake.channelId) as TextChannel;
    const limited: RateLimitData[] = [];
    const onLimit = (data: RateLimitData) => limited.push(data);
    client.rest.on(RESTEvents.RateLimited, onLimit);
    fake.failNext('POST /channels/:id/messages', 429, { retry_after: 0.2 });
    const since = fake.mark();
    const sent = await channel.send('after the rate limit');
    client.rest.off(RESTEvents.RateLimited, onLimit);

    const posts = fake.callsTo('POST', `/channels/${fake.channelId}/messages`, since);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[0]?.injected).toBe(true);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    expect(sent.id).toBe((posts[1]?.response as { id: string } | undefined)?.id);
    expect(limited.length).toBeGreaterThanOrEqual(1);
  });

  it('resumes after a dropped connection and replays what was dispatched meanwhile, once', async () => {
    const seen: string[] = [];
    let sawLast: () => void = () => {};
    const last = new Promise<void>((resolve) => {
      sawLast = resolve;
    });
    const onInteraction = (i: Interaction) => {
      if (!i.isButton()) return;
      seen.push(i.customId);
      if (i.customId === 'after-resume') sawLast();
    };
    client.on(Events.InteractionCreate, onInteraction);
    const resumed = once(client, Events.ShardResume);
    fake.gateway.disconnect(4000);
    // Dispatched while the client is away: Discord buffers it for the session and replays it on RESUME.
    await fake.inject.button({ customId: 'while-away' });
    await resumed;
    await fake.inject.button({ customId: 'after-resume' });
    await last;
    client.off(Events.InteractionCreate, onInteraction);

    expect(seen).toEqual(['while-away', 'after-resume']);
    expect(fake.gateway.received.filter((p) => p.op === 2)).toHaveLength(1);
    expect(fake.gateway.received.filter((p) => p.op === 6)).toHaveLength(1);
  });

  it('answers unknown routes with a Discord 404 and records them', async () => {
    const unknown = client.rest.get('/no/such/route' as `/${string}`);
    await expect(unknown).rejects.toMatchObject({ status: 404, code: 0 });
    expect(fake.unknownCalls().map((c) => `${c.method} ${c.path}`)).toEqual(['GET /no/such/route']);
    expect(fake.problems()).toEqual([]);
  });
});
