import { z } from 'zod';
import { claimSyntaxError } from '../grading/claims.js';

/**
 * The question bank format. One YAML file per topic under questions/; see docs/question-format.md.
 * Every object is strict so a misspelt field is reported instead of silently ignored.
 */

export const TOPICS = [
  'network-basics',
  'tcp-udp',
  'http-web',
  'dns-arp-routing',
  'sockets',
  'io-multiplexing',
  'processes-threads',
  'gil',
  'coroutines-async',
  'locks-deadlock',
  'ipc',
  'infrastructure',
  'security-firewall',
  'troubleshooting',
] as const;
export const topicSchema = z.enum(TOPICS);
export type Topic = z.infer<typeof topicSchema>;

const text = z.string().trim().min(1, 'must not be empty');

/**
 * The loader parses YAML with the failsafe schema (every scalar is a string: no guessing that
 * `accept: [3]` or `zh: yes` meant a number or a boolean), so numeric fields convert here.
 */
const numberField = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : v),
  z.number({ message: 'must be a number' }),
);

/** Text in both languages the bot speaks; neither may be missing. */
export const localizedSchema = z.strictObject({ zh: text, en: text });
export type Localized = z.infer<typeof localizedSchema>;

export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export const optionKeySchema = z.enum(OPTION_KEYS);
export type OptionKey = z.infer<typeof optionKeySchema>;

export const optionSchema = z.strictObject({
  key: optionKeySchema,
  text: localizedSchema,
  /** Why this option is right or wrong; shown after grading and at the reveal. */
  why: localizedSchema,
});
export type Option = z.infer<typeof optionSchema>;

export const sourceSchema = z.strictObject({
  /** Seed file name, e.g. 000_550b11292ffd921e.txt. */
  file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must be a seed file name like 000_550b11292ffd921e.txt'),
  /** Where in the file: a numbered heading (#27), a line (L475) or a short heading text. */
  ref: text,
});

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');

const baseFields = {
  id: idSchema,
  difficulty: numberField.pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'must be 1, 2 or 3' })),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lower-case kebab-case')).min(1),
  sources: z.array(sourceSchema).min(1),
  prompt: localizedSchema,
};

function uniqueKeys(options: readonly Option[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (seen.has(o.key)) ctx.addIssue({ code: 'custom', path: ['options', i, 'key'], message: `duplicate option key ${o.key}` });
    seen.add(o.key);
  });
}

export const singleItemSchema = z
  .strictObject({
    ...baseFields,
    kind: z.literal('single'),
    options: z.array(optionSchema).min(2).max(8),
    answer: optionKeySchema,
    explanation: localizedSchema,
  })
  .superRefine((item, ctx) => {
    uniqueKeys(item.options, ctx);
    if (!item.options.some((o) => o.key === item.answer)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer ${item.answer} is not among the options` });
    }
  });

export const multiItemSchema = z
  .strictObject({
    ...baseFields,
    kind: z.literal('multi'),
    options: z.array(optionSchema).min(2).max(8),
    answer: z.array(optionKeySchema),
    explanation: localizedSchema,
  })
  .superRefine((item, ctx) => {
    uniqueKeys(item.options, ctx);
    const distinct = new Set(item.answer);
    if (distinct.size < 2) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'a multi item needs at least two correct options' });
    }
    if (distinct.size !== item.answer.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'answer lists an option twice' });
    }
    item.answer.forEach((a, i) => {
      if (!item.options.some((o) => o.key === a)) {
        ctx.addIssue({ code: 'custom', path: ['answer', i], message: `answer ${a} is not among the options` });
      }
    });
  });

export const UNITS = ['ms', 's', 'min', 'h', 'byte', 'KB', 'MB', 'count'] as const;
export const unitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof unitSchema>;

export const shortItemSchema = z.strictObject({
  ...baseFields,
  kind: z.literal('short'),
  /** Accepted answers in either language; compared after normalisation (case, width, spaces, punctuation). */
  accept: z.array(text).min(1),
  /** For numeric answers: the value in `unit`, and how far off an answer may be (same unit). */
  numeric: z.strictObject({ value: numberField, unit: unitSchema, tolerance: numberField.pipe(z.number().min(0)).default(0) }).optional(),
  explanation: localizedSchema,
});

/** A claim in its written form; parsed by parseClaim (core/grading/claims.ts), which the refine mirrors. */
const claimText = text.refine((c) => claimSyntaxError(c) === undefined, {
  error: (issue) => `bad claim: ${claimSyntaxError(String(issue.input))}`,
});

export const keyPointSchema = z.strictObject({
  id: idSchema,
  /** The key point as shown to the user after grading. */
  text: localizedSchema,
  /**
   * Phrases that name the point's subject. Found alone they show the answer mentions it (partly); they
   * cover the point only when the point has no `claims` and the phrase is not a bare short token.
   */
  match: z.strictObject({ zh: z.array(text).min(1), en: z.array(text).min(1) }),
  /**
   * What the answer must state for the point to be covered, per language (either language's claims
   * count). A claim is phrase groups that must all occur in one sentence: `a|b + c|d` in any order,
   * `a|b > c|d` in this order; `|` separates alternatives. See docs/question-format.md.
   */
  claims: z.strictObject({ zh: z.array(claimText).min(1), en: z.array(claimText).min(1) }).optional(),
  /** Wrong statements about this point: one found cancels the point and is named in the feedback. */
  misconceptions: z
    .array(z.strictObject({ text: localizedSchema, zh: z.array(claimText).min(1), en: z.array(claimText).min(1) }))
    .max(4)
    .optional(),
});
export type KeyPoint = z.infer<typeof keyPointSchema>;

export const openItemSchema = z
  .strictObject({
    ...baseFields,
    kind: z.literal('open'),
    reference: localizedSchema,
    keyPoints: z.array(keyPointSchema).min(3).max(6),
    explanation: localizedSchema.optional(),
  })
  .superRefine((item, ctx) => {
    const seen = new Set<string>();
    item.keyPoints.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue({ code: 'custom', path: ['keyPoints', i, 'id'], message: `duplicate key point id ${k.id}` });
      seen.add(k.id);
    });
  });

export const questionFileItemSchema = z.discriminatedUnion('kind', [singleItemSchema, multiItemSchema, shortItemSchema, openItemSchema]);
export type QuestionFileItem = z.infer<typeof questionFileItemSchema>;

export const questionFileSchema = z.strictObject({
  topic: topicSchema,
  items: z.array(questionFileItemSchema).min(1),
});
export type QuestionFile = z.infer<typeof questionFileSchema>;

/** An item as the rest of the core sees it: the file's topic is stamped on each item. */
export type Question = QuestionFileItem & { topic: Topic };
export type SingleQuestion = Extract<Question, { kind: 'single' }>;
export type MultiQuestion = Extract<Question, { kind: 'multi' }>;
export type ShortQuestion = Extract<Question, { kind: 'short' }>;
export type OpenQuestion = Extract<Question, { kind: 'open' }>;

export function isOpen(q: Question): q is OpenQuestion {
  return q.kind === 'open';
}
export type ChoiceQuestion = SingleQuestion | MultiQuestion;
export type QuestionKind = Question['kind'];

export function isChoice(q: Question): q is ChoiceQuestion {
  return q.kind === 'single' || q.kind === 'multi';
}
