import type { AnswerSentence } from './answer-sentences.js';

/**
 * Words that deny or set aside what follows them within a few words: "never waits", "without waiting",
 * "rather than the client", 不等待, 并非, 而不是. English contractions arrive without their apostrophe.
 */
const ENGLISH = new Set([
  'not',
  'no',
  'never',
  'without',
  'neither',
  'nor',
  'none',
  'nothing',
  'nobody',
  'cannot',
  'instead',
  'rather',
  'unlike',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'cant',
  'couldnt',
  'wont',
  'wouldnt',
  'shouldnt',
  'neednt',
  'hasnt',
  'havent',
  'hadnt',
  'mustnt',
]);
const CHINESE = new Set([
  '不',
  '没',
  '没有',
  '无',
  '无需',
  '无须',
  '无法',
  '非',
  '并非',
  '而非',
  '未',
  '别',
  '毫无',
  '不再',
  '不必',
  '不用',
  '不会',
  '不是',
  '不能',
  '不要',
  '不需',
  '不需要',
  '从不',
  '从未',
  '绝不',
  '决不',
  '永不',
  '并不',
  '而不是',
  '并没有',
  '未必',
]);
/** Words that start with a negating character but do not negate. */
const CHINESE_NOT_NEGATING = new Set([
  '不同',
  '不仅',
  '不但',
  '不断',
  '不管',
  '不论',
  '不少',
  '不过',
  '不久',
  '不错',
  '没错',
  '未来',
  '非常',
  '无论',
  '无数',
  '不如',
  '不光',
  '不止',
]);
const NEGATING_PREFIX = /^[不没未]/u;
const NEGATING_LAST_CHAR = /[不没未无非]$/u;

/** How many words before a match a negation reaches. */
const WINDOW = 3;

/** Adverbs the segmenter may keep in front of a negation: 也不是, 都没有, 还不能. */
const LEADING_ADVERB = /^[也都还就却又再亦]/u;

function isCue(word: string, latin: boolean): boolean {
  if (latin) return ENGLISH.has(word);
  const bare = word.length > 1 ? word.replace(LEADING_ADVERB, '') : word;
  if (CHINESE.has(bare)) return true;
  return NEGATING_PREFIX.test(bare) && !CHINESE_NOT_NEGATING.has(bare);
}

/**
 * True when a negation cue stands within WINDOW words before the word at `first`, in the same clause,
 * or inside that word right before the match ("非阻塞" for 阻塞). Words overlapping `ignore` (the claim's own
 * phrases, which may themselves say "not") are skipped.
 */
export function negatedBefore(
  sentence: AnswerSentence,
  first: number,
  matchStart: number,
  ignore: ReadonlyArray<readonly [number, number]>,
): boolean {
  const word = sentence.words[first];
  if (!word) return false;
  if (!word.latin && word.start < matchStart) {
    const prefix = sentence.text.slice(word.start, matchStart);
    if (NEGATING_LAST_CHAR.test(prefix) && !CHINESE_NOT_NEGATING.has(sentence.text.slice(word.start, word.end))) return true;
  }
  for (let k = first - 1, seen = 0; k >= 0 && seen < WINDOW; k--) {
    const w = sentence.words[k];
    if (!w || w.clause !== word.clause) break;
    const text = sentence.text.slice(w.start, w.end);
    // 的 closes a modifier: in 还没消失的旧包 the 没 is about 消失, not 旧包.
    if (text === '的') break;
    seen++;
    // "no" before a noun denies that noun only: "if there is no entry it broadcasts" still broadcasts.
    if (text === 'no' && seen > 1) continue;
    const span = ignore.find(([s, e]) => w.start < e && s < w.end);
    if (span) {
      // A claim's phrase may begin inside a negating word (是 in 不是): the part before it still negates.
      const prefix = sentence.text.slice(w.start, span[0]);
      if (!w.latin && prefix !== '' && (isCue(prefix, false) || NEGATING_LAST_CHAR.test(prefix))) return true;
      continue;
    }
    if (isCue(sentence.text.slice(w.start, w.end), w.latin)) return true;
  }
  return false;
}
