import { type CommandSpec, findCommand, type OptionSpec, type SubcommandSpec, usageOf } from './commands.js';
import { UserFacingError } from './errors.js';
import { isLongerThan, tooLong } from './input-limits.js';
import type { CommandInvocation } from './types.js';

/** Splits on whitespace, keeping "quoted words" together. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push(m[1] ?? m[2] ?? m[3] ?? '');
  return tokens;
}

type UsageProblem =
  | 'usage-range'
  | 'usage-unknown-sub'
  | 'usage-missing-sub'
  | 'usage-unknown-option'
  | 'usage-unexpected'
  | 'usage-missing'
  | 'usage-choices';

function usageError(
  spec: CommandSpec,
  sub: SubcommandSpec | undefined,
  code: UsageProblem,
  params: Record<string, string> = {},
): UserFacingError {
  return new UserFacingError(code, { usage: usageOf(spec, sub), ...params });
}

/**
 * The one grammar shared by the console and Slack: `/name [sub] [values...] [key=value...]`.
 * Unknown words get a usage message, never a guess.
 */
export function parseCommandText(input: string): CommandInvocation {
  const text = input.trim().replace(/^\//, '');
  const nameMatch = /^(\S+)\s*/.exec(text);
  if (!nameMatch?.[1]) throw new UserFacingError('unknown-command', { command: '' });
  const name = nameMatch[1].toLowerCase();
  const spec = findCommand(name);
  if (!spec) throw new UserFacingError('unknown-command', { command: name });
  let rest = text.slice(nameMatch[0].length);

  let sub: SubcommandSpec | undefined;
  if (spec.subcommands) {
    const first = /^(\S+)\s*/.exec(rest);
    const word = first?.[1]?.toLowerCase();
    sub = spec.subcommands.find((s) => s.name === word);
    if (sub && first) rest = rest.slice(first[0].length);
    else if (spec.defaultSub) sub = spec.subcommands.find((s) => s.name === spec.defaultSub);
    else throw word ? usageError(spec, undefined, 'usage-unknown-sub', { word }) : usageError(spec, undefined, 'usage-missing-sub');
  }
  const options = (sub ? sub.options : spec.options) ?? [];
  const args = bindOptions(spec, sub, options, rest);
  return { name, sub: sub?.name, args };
}

function bindOptions(
  spec: CommandSpec,
  sub: SubcommandSpec | undefined,
  options: readonly OptionSpec[],
  rest: string,
): Record<string, string> {
  const args: Record<string, string> = {};
  const restOption = options.find((o) => o.rest);
  if (restOption) {
    let value = rest.trim();
    // Leading key=value words that name another option are that option (`/answer id=t-flags B`);
    // any other text, `x=1` included, is the rest.
    for (let kv = LEADING_OPTION.exec(value); kv?.[1] !== undefined; kv = LEADING_OPTION.exec(value)) {
      const name = kv[1].toLowerCase();
      const opt = options.find((o) => !o.rest && o.name === name);
      if (!opt) break;
      args[opt.name] = kv[2] ?? '';
      value = value.slice(kv[0].length);
    }
    if (value) args[restOption.name] = value;
  } else {
    for (const token of tokenize(rest)) {
      const kv = /^([a-z][\w-]*)=(.*)$/i.exec(token);
      if (kv?.[1] !== undefined && kv[2] !== undefined) {
        const opt = options.find((o) => o.name === kv[1]?.toLowerCase());
        if (!opt) throw usageError(spec, sub, 'usage-unknown-option', { option: kv[1] });
        args[opt.name] = kv[2];
        continue;
      }
      const lower = token.toLowerCase();
      const free = options.filter((o) => args[o.name] === undefined);
      const byChoice = free.find((o) => choiceOf(o, lower) !== undefined);
      // A value that looks like one option's kind (a time, a zone, a duration) goes there; anything
      // else fills the next option that takes free text, so `/daily set 09:00 tcp-udp 2h` just works.
      const byPattern = byChoice ? undefined : free.find((o) => patternOf(o)?.test(token));
      // A value that looks like nothing in particular fills a missing required option first, so
      // `/daily set 9am` says "9am is not a time" rather than "missing <time>".
      const target = byChoice ?? byPattern ?? free.find((o) => o.required && !o.choices) ?? free.find((o) => !o.choices && !patternOf(o));
      if (!target) {
        const constrained = free.find((o) => o.choices);
        if (constrained?.choices) {
          throw usageError(spec, sub, 'usage-choices', { option: constrained.name, choices: constrained.choices.join(', ') });
        }
        throw usageError(spec, sub, 'usage-unexpected', { word: token });
      }
      args[target.name] = byChoice ? (choiceOf(byChoice, lower) ?? lower) : token;
    }
  }
  for (const o of options) {
    const v = args[o.name];
    if (v !== undefined && o.aliases) args[o.name] = choiceOf(o, v.toLowerCase()) ?? v;
  }
  checkArgs(spec, sub, args);
  return args;
}

/** The choice a word names, directly or through one of its aliases. */
function choiceOf(o: OptionSpec, lower: string): string | undefined {
  if (o.choices?.includes(lower)) return lower;
  return o.aliases?.[lower];
}

const INTEGER = /^-?\d+$/;
const LEADING_OPTION = /^([a-z][\w-]*)=(\S*)\s*/i;

/** What a positional value of this option looks like (an integer option takes digits). */
function patternOf(o: OptionSpec): RegExp | undefined {
  return o.pattern ?? (o.type === 'integer' ? INTEGER : undefined);
}

/**
 * Checks bound arguments against the command table: required options, lengths, choices, integer bounds.
 * Shared by the text grammar and commands whose options a platform split out (Discord).
 */
export function checkArgs(spec: CommandSpec, sub: SubcommandSpec | undefined, args: Record<string, string>): void {
  for (const o of (sub ? sub.options : spec.options) ?? []) {
    const v = args[o.name];
    if (v === undefined) {
      if (o.required) throw usageError(spec, sub, 'usage-missing', { option: o.name });
    } else if (o.maxLength !== undefined && isLongerThan(v, o.maxLength)) {
      throw tooLong(v, o.maxLength);
    } else if (o.choices && !o.choices.includes(v.toLowerCase())) {
      throw usageError(spec, sub, 'usage-choices', { option: o.name, choices: o.choices.join(', ') });
    } else if (o.type === 'integer') {
      const n = Number(v);
      const ok = INTEGER.test(v.trim()) && (o.min === undefined || n >= o.min) && (o.max === undefined || n <= o.max);
      if (!ok) throw usageError(spec, sub, 'usage-range', { option: o.name, value: v, min: String(o.min ?? ''), max: String(o.max ?? '') });
    }
  }
}
