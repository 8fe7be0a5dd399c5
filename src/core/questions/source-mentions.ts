import type { Localized, Question } from './schema.js';

/**
 * Words that tell a learner where a question came from ("the seed answer", "one source", "这道题的
 * 老版本") instead of teaching. Authors rephrase them the way an expert would: "A common
 * misconception is ...", "The often-quoted answer ... needs a caveat". Kept small and specific:
 * "旧版 IE" or "a random seed" are facts about the world, not about the question's origin.
 */
export const SOURCE_WORDS: readonly RegExp[] = [
  /(?<!random |random-)\bseed(?:s|'s|s')?\b/i,
  /\b(?:one|another) source\b(?! (?:code|port|address|IP|file)s?\b)/i,
  /\bthe sources(?:'|\s+say\b)/i,
  /\b(?:old|older|earlier|previous|original) version of (?:this|the) question\b/i,
  /\boriginal (?:question|answer)\b/i,
  /种子/,
  /原题|原答案/,
  /(?:这道题|本题|题目)的(?:老|旧)版/,
  /(?:一份|两份|另一份)资料/,
];

export interface SourceMention {
  question: Question;
  /** Path inside the item, e.g. ['explanation', 'en'] or ['options', 2, 'why', 'zh']. */
  path: (string | number)[];
  /** The text that matched, as written. */
  word: string;
}

/** The texts a learner reads, with their paths inside the item. */
function learnerTexts(q: Question): { path: (string | number)[]; text: Localized }[] {
  const texts: { path: (string | number)[]; text: Localized }[] = [{ path: ['prompt'], text: q.prompt }];
  if (q.kind === 'single' || q.kind === 'multi') {
    q.options.forEach((o, i) => {
      texts.push({ path: ['options', i, 'text'], text: o.text }, { path: ['options', i, 'why'], text: o.why });
    });
  }
  if (q.kind === 'open') {
    texts.push({ path: ['reference'], text: q.reference });
    q.keyPoints.forEach((k, i) => {
      texts.push({ path: ['keyPoints', i, 'text'], text: k.text });
    });
  }
  if (q.explanation) texts.push({ path: ['explanation'], text: q.explanation });
  return texts;
}

/** Every learner-facing text (prompt, options and their reasons, reference, key points, explanation) that mentions its source. */
export function findSourceMentions(questions: readonly Question[]): SourceMention[] {
  const found: SourceMention[] = [];
  for (const question of questions) {
    for (const { path, text } of learnerTexts(question)) {
      for (const lang of ['zh', 'en'] as const) {
        for (const re of SOURCE_WORDS) {
          const m = re.exec(text[lang]);
          if (m) {
            found.push({ question, path: [...path, lang], word: m[0] });
            break;
          }
        }
      }
    }
  }
  return found;
}
