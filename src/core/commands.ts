import { DAYS_PATTERN } from './daily/parse-days.js';
import { selfRatingLabel } from './grading/self-rating-label.js';
import { SELF_RATINGS } from './grading/self-ratings.js';
import type { Locale } from './i18n/catalog.js';
import { t } from './i18n/messages.js';
import { INPUT_LIMITS } from './input-limits.js';
import { mt } from './mock/mock-messages.js';
import type { Localized } from './questions/schema.js';
import type { Capabilities, Visibility } from './types.js';

/**
 * The one command table. It feeds the text parser (console, Slack), Discord command registration,
 * the Slack manifest, console help and /help. Names and options are the same on every platform.
 */

export interface OptionSpec {
  name: string;
  description: Localized;
  required?: boolean;
  /** Takes the rest of the line verbatim (e.g. the text of an answer). Must be the last option. */
  rest?: boolean;
  /** Allowed values; a positional word is given to the first free option whose choices contain it. */
  choices?: readonly string[];
  /** Other words for a choice (the labels members see in the other language: 良好 -> good). */
  aliases?: Readonly<Record<string, string>>;
  /** What a positional value of this option looks like; such a value is given to this option first. */
  pattern?: RegExp;
  /** Discord renders `user` options as a member picker; in text it is a mention or a name. */
  type?: 'string' | 'integer' | 'user';
  /** Bounds of an integer option. */
  min?: number;
  max?: number;
  /** Where suggestions come from while typing (Discord autocomplete). */
  autocomplete?: 'topic-or-question' | 'topic';
  /** At most this many characters (checked for typed and Discord options alike; Discord's box stops there too). */
  maxLength?: number;
}

/** Who sees a command's reply: an adapter defers with this before the core runs. */
export type ReplySpec = Visibility;

export interface SubcommandSpec {
  name: string;
  description: Localized;
  options?: readonly OptionSpec[];
  adminOnly?: boolean;
  reply: ReplySpec;
}

export interface CommandSpec {
  name: string;
  description: Localized;
  adminOnly?: boolean;
  /** Offered only where the platform has this capability (`/as` needs one keyboard playing several members). */
  requires?: keyof Capabilities;
  options?: readonly OptionSpec[];
  subcommands?: readonly SubcommandSpec[];
  /** Subcommand used when the first word is not a subcommand name. */
  defaultSub?: string;
  /** Who sees the reply (commands with subcommands declare it per subcommand). */
  reply: ReplySpec;
  /** More for `/help <command>` (the mock interview's scoring rule). */
  helpNote?: (locale: Locale) => string;
  /**
   * Given without its free-text option on a platform with forms, the command opens a form for that
   * text instead (Discord `/answer` with nothing typed shows the answer form).
   */
  opensFormWhenEmpty?: string;
}

const L = (zh: string, en: string): Localized => ({ zh, en });

export const PERIODS = ['all', 'week', 'month'] as const;
export const SCOPES = ['server', 'channel'] as const;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'quiz',
    description: L('来一道题：可指定主题或题目 id', 'Get a question: optionally a topic or a question id'),
    reply: 'private',
    helpNote: (locale) => t(locale, 'quiz-help-topics'),
    options: [{ name: 'target', description: L('主题或题目 id', 'Topic or question id'), autocomplete: 'topic-or-question' }],
  },
  {
    name: 'answer',
    description: L(
      '回答当前的题目：字母、选项文字、数字或文字',
      'Answer the current question: letters, option text, a number or free text',
    ),
    reply: 'private',
    opensFormWhenEmpty: 'text',
    options: [
      { name: 'text', description: L('你的答案', 'Your answer'), rest: true },
      {
        name: 'id',
        description: L('可选：要回答的题目 id，如 /answer id=t-flags B', 'Optional: the question id to answer, e.g. /answer id=t-flags B'),
      },
    ],
  },
  {
    name: 'drill',
    description: L('私人刷题：按主题连续练习，间隔重复安排复习', 'Private practice: a run of questions, reviews first (spaced repetition)'),
    defaultSub: 'start',
    reply: 'private',
    subcommands: [
      {
        name: 'start',
        description: L('开始一轮练习', 'Start a drill'),
        reply: 'private',
        options: [
          { name: 'topic', description: L('主题（默认全部）', 'Topic (default: all)'), autocomplete: 'topic' },
          { name: 'count', description: L('题数 1-20（默认 10）', 'Questions, 1-20 (default 10)'), type: 'integer', min: 1, max: 20 },
          { name: 'difficulty', description: L('难度 1-3', 'Difficulty 1-3'), type: 'integer', min: 1, max: 3 },
        ],
      },
      { name: 'stop', description: L('结束本轮练习并查看小结', 'End the drill with its summary so far'), reply: 'private' },
      { name: 'resume', description: L('继续上次的练习', 'Continue where you left off'), reply: 'private' },
    ],
  },
  {
    name: 'mock',
    description: L('小组模拟面试：限时轮次、私下作答、按速度计分', 'Group mock interview: timed rounds, private answers, speed scoring'),
    reply: 'private',
    helpNote: (locale) => mt(locale, 'mock-rules'),
    subcommands: [
      {
        name: 'start',
        description: L('在本频道发起一场（打开大厅）', 'Open a panel in this channel (a lobby)'),
        reply: 'public',
        options: [
          { name: 'topic', description: L('主题（默认全部）', 'Topic (default: all)'), autocomplete: 'topic' },
          { name: 'rounds', description: L('轮数 1-20（默认 5）', 'Rounds, 1-20 (default 5)'), type: 'integer', min: 1, max: 20 },
          {
            name: 'seconds',
            description: L('每轮秒数 15-300（默认 60）', 'Seconds a round, 15-300 (default 60)'),
            type: 'integer',
            min: 15,
            max: 300,
          },
        ],
      },
      { name: 'join', description: L('加入大厅', 'Join the lobby'), reply: 'private' },
      { name: 'leave', description: L('离开大厅', 'Leave the lobby'), reply: 'private' },
      { name: 'begin', description: L('（主持人）开始第一轮', '(host) Begin the first round'), reply: 'private' },
      { name: 'skip', description: L('（主持人）跳过当前一轮', '(host) Skip the current round'), reply: 'private' },
      { name: 'end', description: L('（主持人或管理员）提前结束并公布结果', '(host or admin) End now with the results'), reply: 'private' },
      {
        name: 'pair',
        description: L('一对一面试：你当面试官，对方作答，按要点打分', 'Interview a member: you mark their answer against the rubric'),
        reply: 'private',
        options: [
          { name: 'member', description: L('候选人', 'The candidate'), required: true, type: 'user' },
          { name: 'topic', description: L('主题（默认全部）', 'Topic (default: all)'), autocomplete: 'topic' },
          { name: 'questions', description: L('题数 1-10（默认 3）', 'Questions, 1-10 (default 3)'), type: 'integer', min: 1, max: 10 },
        ],
      },
      { name: 'swap', description: L('一对一面试：互换角色', 'Pair interview: swap roles'), reply: 'public' },
      {
        name: 'mark',
        description: L('给要点打分（评分按钮的文字版）', 'Mark a key point (the rubric buttons, typed)'),
        reply: 'private',
        options: [
          { name: 'point', description: L('要点编号', 'Key point number'), required: true, type: 'integer', min: 1, max: 6 },
          {
            name: 'mark',
            description: L('covered / partly / missed', 'covered / partly / missed'),
            required: true,
            choices: ['covered', 'partly', 'missed'],
          },
        ],
      },
      {
        name: 'note',
        description: L('给当前题目写备注', 'A note on the current question'),
        reply: 'private',
        options: [{ name: 'text', description: L('备注', 'The note'), required: true, rest: true }],
      },
      { name: 'next', description: L('打分并进入下一题', 'Score this question and go on'), reply: 'private' },
    ],
  },
  {
    name: 'stats',
    description: L(
      '学习统计：作答、正确率、连续天数、待复习、各主题掌握度',
      'Your stats: answers, accuracy, streak, reviews due, mastery by topic',
    ),
    reply: 'private',
    options: [{ name: 'member', description: L('查看某位成员（默认自己）', 'A member (default: you)'), type: 'user' }],
  },
  {
    name: 'leaderboard',
    description: L('排行榜：总榜、周榜、月榜', 'Leaderboards: all-time, weekly, monthly'),
    defaultSub: 'show',
    reply: 'public',
    subcommands: [
      {
        name: 'show',
        description: L('查看前十名和你的名次', 'Show the top 10 and your rank'),
        reply: 'public',
        options: [
          { name: 'period', description: L('all / week / month', 'all / week / month'), choices: PERIODS },
          {
            name: 'scope',
            description: L('server（整个服务器/工作区）或 channel（本频道）', 'server (whole server/workspace) or channel (this channel)'),
            choices: SCOPES,
          },
        ],
      },
      {
        name: 'hide-me',
        description: L('不在公开榜单上显示我（积分保留）', 'Hide me from public boards (points are kept)'),
        reply: 'private',
      },
      { name: 'show-me', description: L('在公开榜单上重新显示我', 'Show me on public boards again'), reply: 'private' },
    ],
  },
  {
    name: 'daily',
    description: L('每日一题：定时发布、收集作答、统一揭晓', 'Daily team question: scheduled post, private answers, one reveal'),
    adminOnly: true,
    reply: 'private',
    subcommands: [
      {
        name: 'set',
        description: L('设置本频道的每日一题', "Schedule this channel's daily question"),
        reply: 'public',
        options: [
          { name: 'time', description: L('发布时间 HH:MM', 'Post time HH:MM'), required: true, pattern: /^\d{1,2}[:：]\d{1,2}$/ },
          {
            name: 'tz',
            description: L('IANA 时区，如 Asia/Shanghai', 'IANA time zone, e.g. Asia/Shanghai'),
            pattern: /^(?:[a-z_-]+\/[\w/+-]+|utc|gmt)$/i,
          },
          {
            name: 'days',
            description: L('每天、工作日、周末、周一,周三 或 周一-周五', 'every-day, weekdays, weekends, mon,wed,fri or mon-fri'),
            pattern: DAYS_PATTERN,
          },
          { name: 'topic', description: L('只出这个主题的题', 'Only questions of this topic'), autocomplete: 'topic' },
          {
            name: 'reveal',
            description: L('多久后揭晓答案，如 30m、2h', 'Reveal after, e.g. 30m, 2h'),
            pattern: /^(?:\d+h)?(?:\d+m)?(?:\d+s)?$/i,
          },
          {
            name: 'feedback',
            description: L(
              'reveal：揭晓时才公布对错（默认）；instant：作答后立即评分',
              'reveal: results at the reveal (default); instant: graded at once',
            ),
            choices: ['reveal', 'instant'],
          },
        ],
      },
      { name: 'off', description: L('关闭本频道的每日一题', "Turn off this channel's daily question"), reply: 'public' },
      { name: 'now', description: L('立即发布一道', 'Post one now'), reply: 'private' },
      { name: 'reveal', description: L('立即揭晓当前题目', 'Reveal the open question now'), reply: 'private' },
      { name: 'status', description: L('查看下一次发布时间和设置', 'Next post time and settings'), reply: 'private' },
    ],
  },
  {
    name: 'rate',
    description: L(
      '给刚答完的问答题自评（复习间隔据此安排）',
      'Rate yourself on the open question you just answered (sets when it comes back)',
    ),
    reply: 'private',
    options: [
      {
        name: 'rating',
        description: L('again / hard / good / easy（重来 / 困难 / 良好 / 轻松）', 'again / hard / good / easy'),
        required: true,
        choices: SELF_RATINGS,
        aliases: Object.fromEntries(SELF_RATINGS.map((r) => [selfRatingLabel(r, 'zh'), r])),
      },
    ],
  },
  {
    name: 'skip',
    description: L('跳过当前的 /quiz 题目：显示答案，不计分', 'Skip your open /quiz question: see the solution, score nothing'),
    reply: 'private',
  },
  {
    name: 'flag',
    description: L(
      '标记你刚看到或答过的题目有问题（可写原因），供维护者查看',
      'Flag the last question you saw or answered as wrong or unclear, with an optional reason',
    ),
    reply: 'private',
    options: [
      {
        name: 'reason',
        description: L('原因（可选），如“选项 C 也对”', 'Reason (optional), e.g. "option C is also right"'),
        rest: true,
        maxLength: INPUT_LIMITS.flagReason,
      },
    ],
  },
  {
    name: 'questions',
    description: L(
      '（管理员）题目报告：正确率、最难的题、被标记最多的题、选项分布',
      '(admins) Question report: accuracy, hardest, most flagged, answer spread',
    ),
    adminOnly: true,
    reply: 'private',
    subcommands: [
      {
        name: 'report',
        description: L(
          '按作答记录统计每道题：正确率、最难的题、被标记最多的题、各选项被选次数',
          'Per question from recorded answers: accuracy, hardest, most flagged, which options people pick',
        ),
        reply: 'private',
        options: [
          { name: 'topic', description: L('主题（默认全部）', 'Topic (default: all)'), autocomplete: 'topic' },
          {
            name: 'limit',
            description: L('每部分最多列几道题 1-25（默认 10）', 'Questions listed per part, 1-25 (default 10)'),
            type: 'integer',
            min: 1,
            max: 25,
          },
        ],
      },
    ],
  },
  {
    name: 'topics',
    description: L('主题列表：简称和题目数', 'Topics: their short names and how many questions each has'),
    reply: 'private',
  },
  {
    name: 'lang',
    description: L('切换语言', 'Switch language'),
    reply: 'private',
    options: [{ name: 'locale', description: L('zh 或 en', 'zh or en'), required: true, choices: ['zh', 'en'] }],
  },
  {
    name: 'help',
    description: L('命令列表，或某个命令的说明', 'List commands, or help for one command'),
    reply: 'private',
    options: [{ name: 'command', description: L('命令名', 'Command name') }],
  },
  {
    name: 'as',
    description: L('（仅控制台）切换为另一个用户', '(console only) act as another user'),
    requires: 'actAs',
    reply: 'private',
    options: [{ name: 'name', description: L('用户名', 'User name'), required: true }],
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Who sees the reply to a command, known before it runs (an unknown command's usage message is private). */
export function replyVisibility(command: { name: string; sub?: string | undefined }): Visibility {
  const spec = findCommand(command.name);
  if (!spec) return 'private';
  const sub = spec.subcommands?.find((s) => s.name === (command.sub ?? spec.defaultSub));
  return sub?.reply ?? spec.reply;
}

/** `/daily set <time> [tz] ...`: the usage line shown in help and usage errors. */
export function usageOf(spec: CommandSpec, sub?: SubcommandSpec): string {
  // An option a form can supply is still needed in text, so it reads as required: /answer <text>.
  const needed = (x: OptionSpec) => x.required || spec.opensFormWhenEmpty === x.name;
  const opts = (o: readonly OptionSpec[] | undefined) => (o ?? []).map((x) => (needed(x) ? `<${x.name}>` : `[${x.name}]`)).join(' ');
  if (sub) return `/${spec.name} ${sub.name} ${opts(sub.options)}`.trim();
  if (spec.subcommands) {
    // The default subcommand may be left out, so show its options directly: /leaderboard [period] [scope] | hide-me
    const parts = spec.subcommands.map((s) => (s.name === spec.defaultSub ? opts(s.options) || s.name : s.name));
    return `/${spec.name} ${parts.join(' | ')}`;
  }
  return `/${spec.name} ${opts(spec.options)}`.trim();
}
