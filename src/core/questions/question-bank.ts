import { type Question, TOPICS, type Topic } from './schema.js';
import { topicsNamed } from './topic-names.js';

export interface PickOptions {
  topic?: Topic | undefined;
  kinds?: ReadonlyArray<Question['kind']> | undefined;
  difficulty?: 1 | 2 | 3 | undefined;
  /** Ids to avoid (already used); ignored when they would leave nothing to pick. */
  exclude?: ReadonlySet<string> | undefined;
}

/** The validated, read-only bank: lookup by id and topic, and random picks for every mode. */
export class QuestionBank {
  private readonly byIdMap = new Map<string, Question>();
  private readonly byTopic = new Map<Topic, Question[]>();

  constructor(
    readonly questions: readonly Question[],
    readonly random: () => number = Math.random,
  ) {
    for (const q of questions) {
      this.byIdMap.set(q.id, q);
      const list = this.byTopic.get(q.topic) ?? [];
      list.push(q);
      this.byTopic.set(q.topic, list);
    }
  }

  get size(): number {
    return this.questions.length;
  }

  byId(id: string): Question | undefined {
    return this.byIdMap.get(id);
  }

  /** Topics that have at least one question, in the canonical order. */
  topics(): Topic[] {
    return TOPICS.filter((t) => this.byTopic.has(t));
  }

  isTopic(value: string): value is Topic {
    return (TOPICS as readonly string[]).includes(value);
  }

  /** Every question matching the filters, ignoring `exclude`. */
  pool(options: Omit<PickOptions, 'exclude'> = {}): Question[] {
    const base = options.topic ? (this.byTopic.get(options.topic) ?? []) : this.questions;
    return base.filter(
      (q) => (!options.kinds || options.kinds.includes(q.kind)) && (!options.difficulty || q.difficulty === options.difficulty),
    );
  }

  /**
   * Questions a user means by a word, the one reading of topic words for every command: the topics
   * it names (see `topicsMeant`), else every question tagged with it.
   */
  matchTopicOrTag(word: string): Question[] {
    const w = word.trim().toLowerCase();
    if (!w) return [];
    const topics = this.topicsMeant(w);
    if (topics.length > 0) return topics.flatMap((t) => this.pool({ topic: t }));
    return this.questions.filter((q) => q.tags.includes(w));
  }

  /**
   * The topics a word names: an exact topic id, topics one of whose id parts is the word (`tcp` ->
   * tcp-udp, `dns` -> dns-arp-routing), else topics it names in either language (`套接字`, `协程`).
   */
  topicsMeant(word: string): Topic[] {
    const w = word.trim().toLowerCase();
    if (!w) return [];
    if (this.isTopic(w)) return [w];
    const byId = this.topics().filter((t) => t.split('-').includes(w) || t.startsWith(`${w}-`));
    if (byId.length > 0) return byId;
    const named = new Set(topicsNamed(w));
    return this.topics().filter((t) => named.has(t));
  }

  /** A random question from the pool, preferring ones not in `exclude`. */
  pick(options: PickOptions = {}, from?: readonly Question[]): Question | undefined {
    const pool = from
      ? from.filter(
          (q) => (!options.kinds || options.kinds.includes(q.kind)) && (!options.difficulty || q.difficulty === options.difficulty),
        )
      : this.pool(options);
    const fresh = options.exclude ? pool.filter((q) => !options.exclude?.has(q.id)) : pool;
    const choices = fresh.length > 0 ? fresh : pool;
    return choices[Math.floor(this.random() * choices.length)];
  }
}
