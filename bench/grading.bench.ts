/**
 * Graded answers per second for each kind, one core, through the public entry point gradeAnswer
 * (parse + score; per-question tables are cached after the first answer, as in the running bot).
 * Inputs cycle through realistic typed and button answers.
 */
import { gradeAnswer, MAX_EXPANDED } from '../src/core/grading/grade-answer.js';
import type { AnswerInput } from '../src/core/grading/grade-result.js';
import { INPUT_LIMITS } from '../src/core/input-limits.js';
import { type Question, questionFileItemSchema } from '../src/core/questions/schema.js';
import { type BenchResult, opsPerSecond } from './bench-result.js';

const base = { difficulty: 2, tags: ['bench'], sources: [{ file: '000_550b11292ffd921e.txt', ref: '#27' }] };
const both = (text: string) => ({ zh: text, en: text });
const why = both('—');

function question(raw: Record<string, unknown>): Question {
  return { ...questionFileItemSchema.parse({ ...base, ...raw }), topic: 'tcp-udp' };
}

const single = question({
  id: 'daemon-thread-process-exit',
  kind: 'single',
  prompt: both('Which statement about daemon threads is correct?'),
  options: [
    {
      key: 'A',
      text: {
        zh: '所有非守护线程结束后，即使还有守护线程，进程也会结束',
        en: 'When all non-daemon threads have ended, the process ends even if daemon threads remain',
      },
      why,
    },
    {
      key: 'B',
      text: {
        zh: '所有守护线程结束后，即使还有非守护线程，进程也会结束',
        en: 'When all daemon threads have ended, the process ends even if non-daemon threads remain',
      },
      why,
    },
    {
      key: 'C',
      text: { zh: '只要还有任何一种线程存在，进程就永远不会结束', en: 'The process never ends while any thread of either kind exists' },
      why,
    },
    {
      key: 'D',
      text: {
        zh: '只有守护线程和非守护线程全部结束后，进程才会结束',
        en: 'The process ends only after all daemon and non-daemon threads have ended',
      },
      why,
    },
  ],
  answer: 'A',
  explanation: both('—'),
});

const multi = question({
  id: 'tcp-common-flags',
  kind: 'multi',
  prompt: both('Which are common TCP flags?'),
  options: ['SYN', 'RST', 'ACK', 'URG', 'FIN', 'PSH'].map((t, i) => ({ key: 'ABCDEF'[i], text: both(t), why })),
  answer: ['A', 'B', 'C', 'D'],
  explanation: both('—'),
});

const short = question({
  id: 'linux-time-wait-duration',
  kind: 'short',
  prompt: both('How long does TIME_WAIT last on Linux?'),
  accept: ['60s', '60 秒', '1 minute', 'one minute'],
  numeric: { value: 60, unit: 's', tolerance: 0 },
  explanation: both('—'),
});

const open = question({
  id: 'tcp-three-way-handshake',
  kind: 'open',
  prompt: both('Describe the TCP three-way handshake.'),
  reference: both('SYN, SYN+ACK, ACK.'),
  keyPoints: [
    { id: 'syn', text: both('SYN'), match: { zh: ['SYN'], en: ['SYN'] } },
    { id: 'syn-ack', text: both('SYN+ACK'), match: { zh: ['SYN+ACK', 'SYN ACK', 'SYN/ACK'], en: ['SYN+ACK', 'SYN-ACK', 'SYN/ACK'] } },
    {
      id: 'established',
      text: both('ESTABLISHED'),
      match: { zh: ['ESTABLISHED', '建立连接', '连接建立'], en: ['ESTABLISHED', 'connection established'] },
    },
    {
      id: 'isn',
      text: both('ISN'),
      match: { zh: ['初始序号', '序列号', 'ISN'], en: ['ISN', 'initial sequence number', 'sequence number'] },
    },
    { id: 'three', text: both('three'), match: { zh: ['三次握手', '三个报文'], en: ['three segments', 'three-way'] } },
  ],
});

const text = (t: string): AnswerInput => ({ type: 'text', text: t });
const singleTyped = ['a', 'B', ' c ', 'Ａ', '1', '4', '选A', '答案是 B', 'A.', 'd', 'ab', 'e'].map(text);
const singleButtons: AnswerInput[] = (['A', 'B', 'C', 'D'] as const).map((k) => ({ type: 'choice', keys: [k] }));
const multiTyped = [
  'abd',
  'A B C D',
  'a,b',
  'Ａ，Ｂ，Ｃ',
  'A、B、D',
  '1 3 4',
  'SYN, ACK',
  'syn ack rst urg',
  'ACK',
  '全选',
  'all',
  'd c b a',
  'abcdf',
  'a和c',
].map(text);
const shortTyped = ['60s', '60 秒', '1 minute', '一分钟', '六十秒', '60000 ms', '30s', 'one minute', 'sixty', '60 KB'].map(text);
const openTyped = [
  'The client sends SYN with its initial sequence number, the server answers SYN+ACK, and after the final ACK the connection is established.',
  '客户端先发送 SYN 报文，携带初始序号；服务端回复 SYN+ACK；客户端再回 ACK，连接建立，一共三个报文段。',
  'syn, then syn-ack, then ack',
  'Three-way: SYN -> SYN/ACK -> ACK; both sides pick an ISN and end in ESTABLISHED.',
  '不太清楚，大概是先握手再传数据吧。',
].map(text);

function measure(name: string, q: Question, inputs: readonly AnswerInput[], note: string): BenchResult {
  // Sanity: every input must produce an outcome (a thrown error would make the figure meaningless).
  for (const input of inputs) gradeAnswer(q, input);
  const value = opsPerSecond((i) => gradeAnswer(q, inputs[i % inputs.length] as AnswerInput));
  return { name, value, unit: 'answers/s', note: `${note}; ${inputs.length} inputs cycled` };
}

/**
 * The worst an answer can cost: the event-loop time one hostile member can take per message. Two
 * inputs: the longest answer the core accepts (INPUT_LIMITS.answer characters) of U+FDFA, which grows
 * 18-fold under NFKC and is refused once expanded past MAX_EXPANDED; and the longest that is still
 * graded (as many U+FDFA as expand to just under that bound). Milliseconds per answer, slowest kind first.
 */
function worstCase(name: string, input: AnswerInput): BenchResult {
  const kinds = { single, multi, short, open };
  const perKind = Object.entries(kinds).map(([kind, q]) => {
    for (let i = 0; i < 3; i++) gradeAnswer(q, input); // warm-up: tables built, code optimised
    const times: number[] = [];
    const until = performance.now() + 500;
    while (performance.now() < until || times.length < 10) {
      const start = performance.now();
      gradeAnswer(q, input);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    return { kind, median: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 };
  });
  perKind.sort((x, y) => y.median - x.median);
  const worst = perKind[0];
  const each = perKind.map((k) => `${k.kind} ${k.median.toFixed(2)} (max ${k.max.toFixed(2)})`).join(', ');
  return { name, value: worst?.median ?? 0, unit: 'ms/answer', note: `median ms per kind: ${each}` };
}

export default async function bench(): Promise<BenchResult[]> {
  return [
    measure('single typed', single, singleTyped, 'letters, numbers, full-width, lead-ins, invalid'),
    measure('single button', single, singleButtons, 'option keys from buttons'),
    measure('multi typed', multi, multiTyped, 'letters, numbers, option texts, 全选, Chinese punctuation'),
    measure('short', short, shortTyped, 'accepted forms, units, Chinese numerals, near misses'),
    measure('open', open, openTyped, '5 key points, zh and en answers of 30-120 chars'),
    worstCase(`longest answer (${INPUT_LIMITS.answer} x U+FDFA), refused once expanded`, text('\uFDFA'.repeat(INPUT_LIMITS.answer))),
    worstCase(
      `longest graded answer (${Math.floor(MAX_EXPANDED / 18)} x U+FDFA, ${MAX_EXPANDED} characters expanded)`,
      text('\uFDFA'.repeat(Math.floor(MAX_EXPANDED / 18))),
    ),
  ];
}
