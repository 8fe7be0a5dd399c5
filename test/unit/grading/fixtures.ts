/**
 * Inline fixture questions for the grading tests. Each is parsed with the bank's zod schema, so a
 * fixture that drifts from the format fails loudly instead of testing something the bank cannot hold.
 */
import {
  type ChoiceQuestion,
  type MultiQuestion,
  type OpenQuestion,
  type Question,
  questionFileItemSchema,
  type ShortQuestion,
  type SingleQuestion,
  type Topic,
} from '../../../src/core/questions/schema.js';

const sources = [{ file: '000_550b11292ffd921e.txt', ref: '#27' }];

function item(topic: Topic, raw: Record<string, unknown>): Question {
  return { ...questionFileItemSchema.parse({ sources, tags: ['fixture'], ...raw }), topic };
}
const same = (text: string) => ({ zh: text, en: text });
const why = (zh: string, en: string) => ({ zh, en });

/** Seed example: "Which are common TCP flags? A SYN B RST C ACK D URG", all four correct. */
export const tcpFlags = item('tcp-udp', {
  id: 'tcp-common-flags',
  kind: 'multi',
  difficulty: 1,
  prompt: { zh: '以下哪些是常见的 TCP 标志位？（多选）', en: 'Which are common TCP flags? (choose all that apply)' },
  options: [
    { key: 'A', text: same('SYN'), why: why('发起连接。', 'Opens a connection.') },
    { key: 'B', text: same('RST'), why: why('重置连接。', 'Resets the connection.') },
    { key: 'C', text: same('ACK'), why: why('确认号有效。', 'The acknowledgement number is valid.') },
    { key: 'D', text: same('URG'), why: why('紧急指针有效。', 'The urgent pointer is valid.') },
  ],
  answer: ['A', 'B', 'C', 'D'],
  explanation: { zh: '四个都是 TCP 首部的控制位。', en: 'All four are control bits of the TCP header.' },
}) as MultiQuestion;

/** Seed example: the daemon-thread statement, single choice, answer A. */
export const daemonThreads = item('processes-threads', {
  id: 'daemon-thread-process-exit',
  kind: 'single',
  difficulty: 2,
  prompt: {
    zh: '关于守护线程与进程退出，下列说法正确的是？',
    en: 'Which statement about daemon threads and process exit is correct?',
  },
  options: [
    {
      key: 'A',
      text: {
        zh: '所有非守护线程结束后，即使还有守护线程，进程也会结束',
        en: 'When all non-daemon threads have ended, the process ends even if daemon threads remain',
      },
      why: why('守护线程不会阻止进程退出。', 'Daemon threads do not keep the process alive.'),
    },
    {
      key: 'B',
      text: {
        zh: '所有守护线程结束后，即使还有非守护线程，进程也会结束',
        en: 'When all daemon threads have ended, the process ends even if non-daemon threads remain',
      },
      why: why('非守护线程会让进程继续运行。', 'Non-daemon threads keep the process running.'),
    },
    {
      key: 'C',
      text: {
        zh: '只要还有任何一种线程存在，进程就永远不会结束',
        en: 'The process never ends while any thread of either kind exists',
      },
      why: why('守护线程不算。', 'Daemon threads do not count.'),
    },
    {
      key: 'D',
      text: {
        zh: '只有守护线程和非守护线程全部结束后，进程才会结束',
        en: 'The process ends only after all daemon and non-daemon threads have ended',
      },
      why: why('进程不等待守护线程。', 'The process does not wait for daemon threads.'),
    },
  ],
  answer: 'A',
  explanation: {
    zh: '进程在最后一个非守护线程结束时退出，剩下的守护线程被直接终止。',
    en: 'The process exits when the last non-daemon thread ends; remaining daemon threads are killed.',
  },
}) as SingleQuestion;

/** Multi with two of four correct, difficulty 2 (max 20 points), for partial credit. */
export const udpProtocols = item('tcp-udp', {
  id: 'udp-based-protocols',
  kind: 'multi',
  difficulty: 2,
  prompt: { zh: '以下哪些协议通常基于 UDP？', en: 'Which of these protocols usually run over UDP?' },
  options: [
    { key: 'A', text: { zh: 'DNS 查询', en: 'DNS queries' }, why: why('普通查询走 UDP 53。', 'Ordinary queries use UDP 53.') },
    { key: 'B', text: same('SSH'), why: why('SSH 基于 TCP。', 'SSH runs over TCP.') },
    { key: 'C', text: same('QUIC'), why: why('QUIC 基于 UDP。', 'QUIC runs over UDP.') },
    { key: 'D', text: same('SMTP'), why: why('SMTP 基于 TCP。', 'SMTP runs over TCP.') },
  ],
  answer: ['A', 'C'],
  explanation: { zh: 'DNS 查询与 QUIC 使用 UDP。', en: 'DNS queries and QUIC use UDP.' },
}) as MultiQuestion;

/** Single whose option texts look like option letters: "A" is option B's text. */
export const dnsRecord = item('dns-arp-routing', {
  id: 'dns-ipv4-record',
  kind: 'single',
  difficulty: 1,
  prompt: { zh: '哪种 DNS 记录把域名映射到 IPv4 地址？', en: 'Which DNS record maps a name to an IPv4 address?' },
  options: [
    { key: 'A', text: same('AAAA'), why: why('AAAA 对应 IPv6。', 'AAAA is for IPv6.') },
    { key: 'B', text: same('A'), why: why('A 记录对应 IPv4。', 'The A record is for IPv4.') },
    { key: 'C', text: same('CNAME'), why: why('CNAME 是别名。', 'CNAME is an alias.') },
    { key: 'D', text: same('MX'), why: why('MX 是邮件交换。', 'MX is mail exchange.') },
    { key: 'E', text: same('NS'), why: why('NS 是权威服务器。', 'NS names the authoritative servers.') },
  ],
  answer: 'B',
  explanation: { zh: 'A 记录保存 IPv4 地址。', en: 'An A record holds an IPv4 address.' },
}) as SingleQuestion;

/** Single whose option texts are numbers, so "3" is option B's text but also option number 3. */
export const handshakeCountChoice = item('tcp-udp', {
  id: 'tcp-handshake-count-choice',
  kind: 'single',
  difficulty: 1,
  prompt: { zh: 'TCP 握手交换几个报文段？', en: 'How many segments does the TCP handshake exchange?' },
  options: [
    { key: 'A', text: same('2'), why: why('少了一个。', 'One short.') },
    { key: 'B', text: same('3'), why: why('SYN、SYN+ACK、ACK。', 'SYN, SYN+ACK, ACK.') },
    { key: 'C', text: same('4'), why: why('那是挥手。', 'That is the teardown.') },
  ],
  answer: 'B',
  explanation: { zh: '三个报文段。', en: 'Three segments.' },
}) as SingleQuestion;

/** Single whose option texts differ only in punctuation (from the bank's iptables item). */
export const iptablesPorts = item('security-firewall', {
  id: 'iptables-multiport',
  kind: 'single',
  difficulty: 2,
  prompt: { zh: '只放行 UDP 8888 和 9999 的正确写法是？', en: 'How do you allow exactly UDP ports 8888 and 9999?' },
  options: [
    { key: 'A', text: same('--dport 8888:9999'), why: why('冒号表示范围。', 'The colon means a range.') },
    { key: 'B', text: same('--dport 8888,9999'), why: why('--dport 不接受列表。', '--dport does not take a list.') },
    { key: 'C', text: same('-m multiport --dports 8888,9999'), why: why('正确。', 'Correct.') },
  ],
  answer: 'C',
  explanation: { zh: '使用 multiport 扩展。', en: 'Use the multiport match.' },
}) as SingleQuestion;

/** Short with a count: accept list in both languages plus numeric. */
export const handshakeSegments = item('tcp-udp', {
  id: 'tcp-handshake-segment-count',
  kind: 'short',
  difficulty: 1,
  prompt: { zh: 'TCP 建立连接的握手一共交换几个报文段？', en: 'How many segments does the TCP connection handshake exchange?' },
  accept: ['3', '三', 'three'],
  numeric: { value: 3, unit: 'count', tolerance: 0 },
  explanation: { zh: 'SYN、SYN+ACK、ACK 三个报文段。', en: 'Three segments: SYN, SYN+ACK, ACK.' },
}) as ShortQuestion;

/** Short with a time value in seconds. */
export const timeWaitDuration = item('tcp-udp', {
  id: 'linux-time-wait-duration',
  kind: 'short',
  difficulty: 2,
  prompt: { zh: 'Linux 上 TIME_WAIT 状态持续多久？', en: 'How long does the TIME_WAIT state last on Linux?' },
  accept: ['60s', '60 秒', '1 minute'],
  numeric: { value: 60, unit: 's' },
  explanation: { zh: 'TCP_TIMEWAIT_LEN 定义为 60 秒。', en: 'TCP_TIMEWAIT_LEN is defined as 60 seconds.' },
}) as ShortQuestion;

/** Short with a size value and no tolerance. */
export const pipeBuffer = item('ipc', {
  id: 'linux-pipe-buffer-size',
  kind: 'short',
  difficulty: 3,
  prompt: { zh: 'Linux 管道缓冲区默认多大？', en: 'What is the default pipe buffer size on Linux?' },
  accept: ['64KB', '64 KiB'],
  numeric: { value: 64, unit: 'KB', tolerance: 0 },
  explanation: { zh: '默认 16 页，即 65536 字节。', en: 'Sixteen pages by default: 65536 bytes.' },
}) as ShortQuestion;

/** Short with a tolerance. */
export const connectTimeout = item('sockets', {
  id: 'bsd-connect-timeout',
  kind: 'short',
  difficulty: 1,
  prompt: { zh: 'BSD 系统 connect 的默认超时大约多少秒？', en: 'Roughly how many seconds is the default BSD connect timeout?' },
  accept: ['75s'],
  numeric: { value: 75, unit: 's', tolerance: 5 },
  explanation: { zh: '约 75 秒。', en: 'About 75 seconds.' },
}) as ShortQuestion;

/** Short with text answers only, for normalisation and the spelling hint. */
export const timeWaitState = item('tcp-udp', {
  id: 'tcp-2msl-state',
  kind: 'short',
  difficulty: 1,
  prompt: { zh: '主动关闭方等待 2MSL 的状态叫什么？', en: 'Which state waits 2MSL on the side that closes first?' },
  accept: ['TIME_WAIT', 'TIME-WAIT 状态'],
  explanation: { zh: '主动关闭方进入 TIME_WAIT。', en: 'The active closer enters TIME_WAIT.' },
}) as ShortQuestion;

/** Short with a three-letter form, for the tighter spelling distance. */
export const gilName = item('gil', {
  id: 'gil-name',
  kind: 'short',
  difficulty: 1,
  prompt: {
    zh: 'CPython 中保证同一时刻只有一个线程执行字节码的锁叫什么？',
    en: 'What is the CPython lock that lets one thread run bytecode at a time called?',
  },
  accept: ['GIL', '全局解释器锁', 'global interpreter lock'],
  explanation: { zh: '全局解释器锁（GIL）。', en: 'The global interpreter lock (GIL).' },
}) as ShortQuestion;

/** Open item with five key points (so 3 of 5 = 0.6 sits on the threshold). */
export const threeWayHandshake = item('tcp-udp', {
  id: 'tcp-three-way-handshake',
  kind: 'open',
  difficulty: 2,
  prompt: { zh: '简述 TCP 三次握手的过程。', en: 'Describe the TCP three-way handshake.' },
  reference: {
    zh: '客户端发 SYN（seq=x）进入 SYN-SENT；服务端回 SYN+ACK（seq=y, ack=x+1）进入 SYN-RCVD；客户端回 ACK（ack=y+1），双方进入 ESTABLISHED。',
    en: 'The client sends SYN (seq=x) and enters SYN-SENT; the server answers SYN+ACK (seq=y, ack=x+1) and enters SYN-RCVD; the client sends ACK (ack=y+1) and both are ESTABLISHED.',
  },
  keyPoints: [
    {
      id: 'syn',
      text: { zh: '客户端发送 SYN', en: 'The client sends SYN' },
      match: { zh: ['SYN'], en: ['SYN'] },
      claims: {
        zh: ['客户端|客户机 > 发|发送|发出 > SYN'],
        en: ['client > send|sends|starts with|opens with > syn', 'syn > from|by > client'],
      },
      misconceptions: [
        {
          text: { zh: '服务端先发 SYN', en: 'the server sends the first SYN' },
          zh: ['服务端|服务器 > 先发|首先发 > SYN'],
          en: ['server > sends|starts with > syn', 'syn > from|by > server'],
        },
      ],
    },
    {
      id: 'syn-ack',
      text: { zh: '服务端回复 SYN+ACK', en: 'The server replies SYN+ACK' },
      match: { zh: ['SYN+ACK', 'SYN/ACK'], en: ['SYN+ACK', 'SYN/ACK', 'SYN-ACK'] },
      claims: {
        zh: ['服务端|服务器 > 回|回复|返回|发 > SYN+ACK|SYN/ACK|SYN-ACK'],
        en: ['server > answers|replies|responds|sends|returns > syn-ack|syn+ack|syn/ack'],
      },
    },
    {
      id: 'established',
      text: { zh: '客户端再发 ACK，连接建立', en: 'The client sends ACK and the connection is established' },
      match: { zh: ['ESTABLISHED', '建立连接', '连接建立'], en: ['ESTABLISHED', 'connection is established', 'connection established'] },
    },
    {
      id: 'isn',
      text: { zh: '双方交换初始序号', en: 'Both sides exchange initial sequence numbers' },
      match: { zh: ['初始序号', '序列号', 'ISN'], en: ['ISN', 'initial sequence number', 'sequence number'] },
      claims: {
        zh: ['初始序号|序列号|ISN + 交换|同步|各自|双方'],
        en: ['isn|initial sequence number|sequence number + exchange|exchanges|sync|synchronize|both|each'],
      },
    },
    {
      id: 'three-segments',
      text: { zh: '共三个报文段', en: 'Three segments in all' },
      match: { zh: ['三次握手', '三个报文'], en: ['three segments', 'three messages', 'three-way'] },
    },
  ],
}) as OpenQuestion;

/** Open item with four key points, so 2 of 4 = 0.5 falls just below the 0.6 threshold. */
export const fourWayTeardown = item('tcp-udp', {
  id: 'tcp-four-way-teardown',
  kind: 'open',
  difficulty: 3,
  prompt: { zh: '简述 TCP 四次挥手。', en: 'Describe the TCP four-way teardown.' },
  reference: {
    zh: '主动方发 FIN，被动方回 ACK 进入 CLOSE_WAIT；被动方发 FIN，主动方回 ACK 并进入 TIME_WAIT。',
    en: 'The active side sends FIN, the passive side ACKs and enters CLOSE_WAIT; it then sends FIN, the active side ACKs and enters TIME_WAIT.',
  },
  keyPoints: [
    { id: 'fin', text: { zh: '发送 FIN', en: 'FIN is sent' }, match: { zh: ['FIN'], en: ['FIN'] } },
    { id: 'ack', text: { zh: '对方回 ACK', en: 'The peer ACKs' }, match: { zh: ['ACK', '确认'], en: ['ACK'] } },
    {
      id: 'close-wait',
      text: { zh: '被动方进入 CLOSE_WAIT', en: 'The passive side enters CLOSE_WAIT' },
      match: { zh: ['CLOSE_WAIT'], en: ['CLOSE_WAIT', 'close wait'] },
    },
    {
      id: 'time-wait',
      text: { zh: '主动方进入 TIME_WAIT', en: 'The active side enters TIME_WAIT' },
      match: { zh: ['TIME_WAIT'], en: ['TIME_WAIT', 'time wait'] },
    },
  ],
}) as OpenQuestion;

export const choiceQuestions: readonly ChoiceQuestion[] = [
  tcpFlags,
  daemonThreads,
  udpProtocols,
  dnsRecord,
  handshakeCountChoice,
  iptablesPorts,
];
export const allQuestions: readonly Question[] = [
  ...choiceQuestions,
  handshakeSegments,
  timeWaitDuration,
  pipeBuffer,
  connectTimeout,
  timeWaitState,
  gilName,
  threeWayHandshake,
  fourWayTeardown,
];
