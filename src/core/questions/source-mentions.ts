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

/**
 * Literature cited in general ("some sources say", "many articles", 有的资料说, 网上流传): it argues from
 * hearsay instead of teaching. Rephrase as "A common misconception is that ...", 常见的误解是……
 * Conventions of teaching stay ("the textbook case", 教学上也用五层); "other sources" in a firewall
 * rule is a source address.
 */
export const LITERATURE_WORDS: readonly RegExp[] = [
  /\b(?:some|many|several|older|a few|certain|various|popular)\s+(?:online\s+|interview\s+)?(?:sources|articles|tutorials|blogs|blog posts|posts|references|write-ups|guides|textbooks|books|material|materials|notes|texts|sample code)\b/i,
  /\bsome (?:write|say|claim)\b/i,
  /\bmaterial (?:says|saying|claims|claiming|calls|explains|describes|puts|lists)\b/i,
  /\b(?:the|a|one|another|this|that|same) source(?:'s)? (?:says?|claims?|describes?|states?|quotes?|writes?|statements?|puts?|lists?|gives?|examples?|samples?|notes?)\b/i,
  /\bsource statements?\b/i,
  /\b(?:in circulation|widely (?:copied|circulated|shared))\b/i,
  /\btextbooks (?:often|usually|say|list|split|describe|put|call)\b/i,
  /(?:有的|有些|部分|很多|不少|许多|一些|某些|多数|大部分|还有|同一|面试)资料|有资料|资料(?:说|称|把|写|中|里|的|认为|用|举例|只说|至今|关于)/,
  /网上(?:常说|流传|的说法|很多|有人说|常见)|流传/,
  /(?:较早|早期|老|旧|很多|不少|有些|有的|部分|一些)的?(?:中文)?教材/,
  /有人(?:说|认为|把|写|称)/,
];

export interface SourceMention {
  question: Question;
  /** Path inside the item, e.g. ['explanation', 'en'] or ['options', 2, 'why', 'zh']. */
  path: (string | number)[];
  /** The text that matched, as written. */
  word: string;
  /** `origin`: where the question came from (SOURCE_WORDS); `literature`: literature cited in general (LITERATURE_WORDS). */
  kind: 'origin' | 'literature';
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

function firstMatch(words: readonly RegExp[], text: string): { word: string; kind: SourceMention['kind'] } | undefined {
  for (const re of words) {
    const m = re.exec(text);
    if (m) return { word: m[0], kind: words === SOURCE_WORDS ? 'origin' : 'literature' };
  }
  return undefined;
}

/** Every learner-facing text (prompt, options and their reasons, reference, key points, explanation) that mentions its source or cites literature in general. */
export function findSourceMentions(questions: readonly Question[]): SourceMention[] {
  const found: SourceMention[] = [];
  for (const question of questions) {
    for (const { path, text } of learnerTexts(question)) {
      for (const lang of ['zh', 'en'] as const) {
        const hit = firstMatch(SOURCE_WORDS, text[lang]) ?? firstMatch(LITERATURE_WORDS, text[lang]);
        if (hit) found.push({ question, path: [...path, lang], ...hit });
      }
    }
  }
  return found;
}
