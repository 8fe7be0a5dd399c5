/**
 * The one codec for the ids on buttons, select menus and forms. Every adapter puts these ids on its
 * components and hands them back unchanged, so a click on a message posted before a restart still
 * works, and no adapter invents its own format.
 *
 * Shape: `p1:<kind>:<target>:<value>`. `p1` is the format version (an id of an unknown version is
 * refused as stale, never guessed); `target` is an instance or session id; parts are escaped so a
 * `:` inside an id cannot shift the fields.
 */

export const ACTION_KINDS = [
  /** A choice button under a shared question (daily, mock): value = the option key; feedback comes privately. */
  'ans',
  /** A choice button on the member's own card (quiz, drill): the card itself is updated. */
  'own',
  /** A select menu (or Slack checkboxes) answering a multi-choice question: the values come with the event. */
  'pick',
  /** The same on the member's own card (quiz, drill): the card itself is updated. */
  'ownpick',
  /** A button that opens the answer form of an instance. */
  'form',
  /** A self-rating button after an open question: value = again|hard|good|easy. */
  'rate',
  /** Resume or start over a drill: value = `resume` or the new drill's `topic.count.difficulty`. */
  'drill',
  /** A mock interview lobby's Join, Leave or Begin: target = the session. */
  'mock',
  /** An interviewer's rubric: value = `mark.<n>` (cycle key point n) or `next`. */
  'rubric',
  /** The rubric's Note button: opens the note form. */
  'note',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const FORM_KINDS = [
  /** The typed answer to an instance (short and open questions). */
  'answer',
  /** An interviewer's note on the current question of a pair interview. */
  'note',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** Discord's custom_id limit, the tightest of the platforms (Slack allows 255). */
export const ACTION_ID_MAX = 100;

const VERSION = 'p1';

export interface ActionRef<K extends string = ActionKind> {
  kind: K;
  target: string;
  value: string;
}

function escapePart(part: string): string {
  return part.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
}

function unescapePart(part: string): string {
  return part.replace(/%3A/g, ':').replace(/%25/g, '%');
}

function encode(kind: string, target: string, value: string): string {
  const id = [VERSION, kind, escapePart(target), escapePart(value)].join(':');
  if (id.length > ACTION_ID_MAX) throw new RangeError(`action id longer than ${ACTION_ID_MAX} characters: ${id}`);
  return id;
}

function decode<K extends string>(id: string, kinds: readonly K[]): ActionRef<K> | undefined {
  if (id.length > ACTION_ID_MAX) return undefined;
  const parts = id.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) return undefined;
  const [, kind, target, value] = parts as [string, string, string, string];
  if (!(kinds as readonly string[]).includes(kind) || target === '') return undefined;
  return { kind: kind as K, target: unescapePart(target), value: unescapePart(value) };
}

export function encodeAction(ref: ActionRef): string {
  return encode(ref.kind, ref.target, ref.value);
}

/** The action an id names, or undefined for an id this version did not make (stale or forged). */
export function decodeAction(id: string): ActionRef | undefined {
  return decode(id, ACTION_KINDS);
}

export function encodeForm(kind: FormKind, target: string): string {
  return encode(`f-${kind}`, target, '');
}

export function decodeForm(id: string): ActionRef<FormKind> | undefined {
  const ref = decode(
    id,
    FORM_KINDS.map((k) => `f-${k}`),
  );
  return ref ? { ...ref, kind: ref.kind.slice(2) as FormKind } : undefined;
}
