import type { types } from '@slack/bolt';
import { clip } from '../../core/actions/clip.js';
import { COMMANDS } from '../../core/commands.js';
import type { ActionStyle, FormSpec, MessageAction, OutboundMessage } from '../../core/types.js';
import { SLACK_LIMITS as L } from './slack-limits.js';

export type Block = types.KnownBlock;

/** What chat.postMessage, chat.update, chat.postEphemeral and a response_url take. */
export interface SlackMessagePayload {
  /** Plain text for notifications and clients that cannot show blocks. */
  text: string;
  blocks: Block[];
}

/** The one slash command PrepBot registers (see slack-manifest.ts); core commands are its first word. */
export const SLACK_COMMAND = '/prep';

const TONE_MARKS: Record<NonNullable<OutboundMessage['tone']>, string> = {
  question: '📝',
  correct: '✅',
  partial: '🟡',
  wrong: '❌',
  info: '',
  error: '⚠️',
};

const BUTTON_STYLES: Record<ActionStyle, 'primary' | 'danger' | undefined> = {
  primary: 'primary',
  success: 'primary',
  danger: 'danger',
  secondary: undefined,
};

const COMMAND_NAMES = COMMANDS.map((c) => c.name).join('|');
// A core command where a reader would type it: not inside a path or a word (TCP/IP, /proc/net, a/b).
const COMMAND_MENTION = new RegExp(`(^|[^\\w/.\\-])/(${COMMAND_NAMES})(?![\\w/\\-])`, 'g');

/**
 * The core speaks of `/quiz` and `/help`; on Slack every command is a word after `/prep`, and a bare
 * `/help` would open Slack's own help. Bank texts never match (a unit test checks the whole bank).
 */
export function slackCommandMentions(text: string): string {
  return text.replace(COMMAND_MENTION, (_m, before: string, name: string) => `${before}${SLACK_COMMAND} ${name}`);
}

/** Slack needs &, < and > escaped in every text it parses. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const BOLD = /\*\*(.+?)\*\*/g;

/**
 * The core's light markdown as Slack mrkdwn: **bold** becomes *bold* (with zero-width spaces where
 * a letter touches it: Slack only formats markers that sit next to spaces or punctuation, so bold
 * inside Chinese text would otherwise show its asterisks), `code` stays, a fence's language is dropped.
 */
export function toMrkdwn(text: string): string {
  const escaped = escapeSlack(slackCommandMentions(text)).replace(/```[\w+-]+\n/g, '```\n');
  return escaped.replace(BOLD, (_m, inner: string, offset: number, all: string) => {
    const before = all[offset - 1];
    const after = all[offset + _m.length];
    const pad = (c: string | undefined) => (c !== undefined && /[^\s\p{P}]/u.test(c) ? '\u200b' : '');
    return `${pad(before)}*${inner}*${pad(after)}`;
  });
}

/** Plain text (headers, buttons, notifications): emphasis markers removed, commands as Slack's. */
export function toPlain(text: string): string {
  return slackCommandMentions(text).replace(BOLD, '$1');
}

const BREAKS = ['\n\n', '\n', '。', '；', '，', '. ', ' '];

/**
 * Splits mrkdwn into pieces of at most `max` characters at paragraph, line, sentence or word
 * boundaries. A code fence cut in two is closed and reopened, so each piece renders on its own.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const fence = '```';
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const room = max - (fence.length + 1); // for a closing fence
    const window = rest.slice(0, room);
    let cut = Math.max(...BREAKS.map((b) => (window.lastIndexOf(b) >= 0 ? window.lastIndexOf(b) + (b.trim() ? b.length : 0) : -1)));
    if (cut < room / 2) cut = hardCut(window);
    let piece = rest.slice(0, cut).trimEnd();
    rest = rest.slice(cut).trimStart();
    if ((piece.split(fence).length - 1) % 2 === 1) {
      piece = `${piece}\n${fence}`;
      rest = `${fence}\n${rest}`;
    }
    parts.push(piece);
  }
  if (rest) parts.push(rest);
  return parts;
}

/** A cut inside a word: never through a surrogate pair or an &entity;. */
function hardCut(window: string): number {
  let cut = window.length;
  const entity = /&[a-z]{0,4}$/.exec(window);
  if (entity) cut = entity.index;
  const code = window.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/**
 * A core message as Block Kit: a header, the text in as many sections as it needs (3,000
 * characters each), the fields, the footer as context, then the actions in their order. Within
 * `maxBlocks` (50 in a message, 100 in a view) the text gives way: its last section is clipped.
 */
export function renderMessage(message: OutboundMessage, maxBlocks: number = L.blocksPerMessage): SlackMessagePayload {
  const mark = TONE_MARKS[message.tone ?? 'info'];
  const head: Block[] = [];
  if (message.title) {
    head.push({
      type: 'header',
      text: { type: 'plain_text', text: clip(`${mark ? `${mark} ` : ''}${toPlain(message.title)}`, L.headerText), emoji: true },
    });
  }
  const body = `${!message.title && mark ? `${mark} ` : ''}${message.text}`;
  const tail: Block[] = [...renderFields(message.fields ?? []), ...renderFooter(message.footer), ...renderActions(message.actions ?? [])];
  const room = Math.max(1, maxBlocks - head.length - tail.length);
  const pieces = body.trim() ? splitMrkdwn(toMrkdwn(body), L.sectionText) : [];
  if (pieces.length > room) {
    const kept = pieces.slice(0, room);
    kept[room - 1] = clip(pieces.slice(room - 1).join('\n'), L.sectionText);
    pieces.splice(0, pieces.length, ...kept);
  }
  const blocks = [...head, ...pieces.map(section), ...tail].slice(0, maxBlocks);
  return { text: fallbackText(message), blocks };
}

function fallbackText(message: OutboundMessage): string {
  const lines = [message.title, message.text].filter((s): s is string => !!s).map(toPlain);
  return clip(lines.join('\n') || ' ', L.fallbackText);
}

/** Short fields sit side by side in one section (ten at most); a long one gets sections of its own. */
function renderFields(fields: ReadonlyArray<{ label: string; value: string }>): Block[] {
  const blocks: Block[] = [];
  const texts = fields.map((f) => toMrkdwn(f.label ? `**${f.label}**\n${f.value}` : f.value));
  let row: string[] = [];
  const flush = () => {
    if (row.length > 0) blocks.push({ type: 'section', fields: row.map((text) => ({ type: 'mrkdwn', text })) });
    row = [];
  };
  for (const text of texts) {
    if (text.length > L.fieldText) {
      flush();
      blocks.push(...splitMrkdwn(text, L.sectionText).map(section));
      continue;
    }
    row.push(text);
    if (row.length === L.sectionFields) flush();
  }
  flush();
  return blocks;
}

function renderFooter(footer: string | undefined): Block[] {
  if (!footer?.trim()) return [];
  const pieces = splitMrkdwn(toMrkdwn(footer), L.contextText).slice(0, L.contextElements);
  return [{ type: 'context', elements: pieces.map((text) => ({ type: 'mrkdwn', text })) }];
}

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(toPlain(text), max), emoji: true });

type ActionElement = types.Button;

function button(action: Extract<MessageAction, { type: 'button' | 'form-button' }>): ActionElement {
  const style = BUTTON_STYLES[action.style ?? 'secondary'];
  return { type: 'button', action_id: action.id, text: plain(action.label, L.buttonText), ...(style ? { style } : {}) };
}

/**
 * Buttons fill actions blocks (25 each) in order. A select becomes checkboxes (a menu past ten
 * options) with a Submit button of the same action id below it: Slack sends every tick, and only the
 * Submit click answers. A disabled button cannot exist on Slack, so a set of them is shown as text,
 * the picked one (primary) marked.
 */
export function renderActions(actions: readonly MessageAction[]): Block[] {
  const blocks: Block[] = [];
  let row: ActionElement[] = [];
  let disabled: string[] = [];
  const flush = () => {
    if (row.length > 0) blocks.push({ type: 'actions', block_id: `actions-${blocks.length}`, elements: row });
    if (disabled.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: disabled.join('  ·  ') }] });
    row = [];
    disabled = [];
  };
  for (const action of actions) {
    if (action.type === 'select') {
      flush();
      blocks.push(...renderSelect(action, blocks.length));
      continue;
    }
    if (action.type === 'button' && action.disabled) {
      const label = escapeSlack(toPlain(action.label));
      disabled.push(action.style === 'primary' ? `*${label}* ✓` : label);
      continue;
    }
    row.push(button(action));
    if (row.length === L.actionsElements) flush();
  }
  flush();
  return blocks;
}

function renderSelect(action: Extract<MessageAction, { type: 'select' }>, index: number): Block[] {
  const options = action.options.slice(0, L.multiSelectOptions).map((o) => ({
    text: plain(o.label, L.optionText),
    value: o.value.slice(0, L.optionValue),
  }));
  const picker: types.Checkboxes | types.MultiStaticSelect =
    options.length <= L.checkboxOptions
      ? { type: 'checkboxes', action_id: action.id, options }
      : {
          type: 'multi_static_select',
          action_id: action.id,
          options,
          placeholder: plain(action.placeholder, L.placeholder),
          max_selected_items: Math.min(action.maxValues, options.length),
        };
  const submit: ActionElement = { type: 'button', action_id: action.id, style: 'primary', text: plain(action.submitLabel, L.buttonText) };
  return [
    { type: 'actions', block_id: `pick-${index}`, elements: [picker] },
    { type: 'actions', block_id: `submit-${index}`, elements: [submit] },
  ];
}

/** A core form as a modal; `privateMetadata` carries where the answer came from (Slack sends it back). */
export function renderModal(form: FormSpec, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title, L.modalTitle),
    submit: plain(form.submitLabel, L.modalSubmit),
    private_metadata: privateMetadata.length <= L.privateMetadata ? privateMetadata : '',
    blocks: form.inputs.map((input) => ({
      type: 'input',
      block_id: input.id,
      optional: !input.required,
      label: plain(input.label, L.inputLabel),
      element: {
        type: 'plain_text_input',
        action_id: input.id,
        multiline: input.style === 'paragraph',
        max_length: Math.min(input.maxLength, L.plainTextInputMax),
        ...(input.placeholder ? { placeholder: plain(input.placeholder, L.inputPlaceholder) } : {}),
      },
    })),
  };
}

/** A core message as the App Home tab (100 blocks). */
export function renderHome(message: OutboundMessage): types.HomeView {
  return { type: 'home', blocks: renderMessage(message, L.blocksPerView).blocks };
}

/** The text of an error shown under a modal's field: plain, one paragraph or a few lines. */
export function fieldErrorText(message: OutboundMessage): string {
  return clip(toPlain(message.text).replace(/`/g, ''), L.fieldError);
}
