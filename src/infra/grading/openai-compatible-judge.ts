import { z } from 'zod';
import {
  judgementProblem,
  type ModelJudgement,
  type OpenAnswerJudge,
  type OpenAnswerJudgeRequest,
} from '../../core/grading/open-answer-judge.js';
import { judgeSystemPrompt } from './judge-prompt.js';

export interface OpenAiCompatibleJudgeOptions {
  /** The full chat-completions URL, e.g. http://127.0.0.1:11434/v1/chat/completions (nothing is appended). */
  url: string;
  model: string;
  /** Sent as `Authorization: Bearer`; never logged. */
  apiKey?: string | undefined;
  /** The most the member waits for the model, body included, before the key-point grade is used. */
  timeoutMs: number;
  logger: { warn(fields: Record<string, unknown>, message: string): void };
}

/** A reply body longer than this is not a judgement of a few key points. */
const MAX_BODY_CHARS = 1_000_000;

/** The parts of the chat-completions envelope that are read; servers add fields freely. */
const envelopeSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

/** The judgement itself: strict, no field beyond these (null is read as absent, as some servers send it). */
const judgementSchema = z.strictObject({
  keyPoints: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        verdict: z.enum(['covered', 'partly', 'missed']),
        quote: z.string().max(2_000).nullish(),
        misconception: z.string().max(1_000).nullish(),
      }),
    )
    .min(1)
    .max(50),
});

class JudgeFailure extends Error {}

/**
 * The optional model grader: one chat-completions call per open answer to an OpenAI-compatible server
 * (OpenAI, or a local model server). The answer text is the only user data sent. Any failure (timeout,
 * HTTP error, a reply that is not the strict JSON asked for, or ids not in the rubric) logs one warning
 * and resolves to undefined, so the answer keeps its key-point grade.
 */
export class OpenAiCompatibleJudge implements OpenAnswerJudge {
  constructor(private readonly options: OpenAiCompatibleJudgeOptions) {}

  async judge(request: OpenAnswerJudgeRequest, signal?: AbortSignal): Promise<ModelJudgement | undefined> {
    const { timeoutMs } = this.options;
    const timeout = AbortSignal.timeout(timeoutMs);
    const started = Date.now();
    try {
      return await this.call(request, signal ? AbortSignal.any([signal, timeout]) : timeout);
    } catch (error) {
      const reason =
        error instanceof JudgeFailure
          ? error.message
          : timeout.aborted
            ? `no answer within ${timeoutMs} ms`
            : signal?.aborted
              ? 'cancelled'
              : `request failed: ${describe(error)}`;
      this.options.logger.warn(
        { questionId: request.questionId, model: this.options.model, reason, ms: Date.now() - started },
        'model grader failed; the answer keeps its key-point grade',
      );
      return undefined;
    }
  }

  private async call(request: OpenAnswerJudgeRequest, signal: AbortSignal): Promise<ModelJudgement> {
    const { url, model, apiKey } = this.options;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({
        model,
        messages: [
          { role: 'system', content: judgeSystemPrompt(request) },
          { role: 'user', content: request.answer },
        ],
        temperature: 0,
        response_format: { type: 'json_object' },
      }),
      signal,
    });
    const body = await response.text();
    if (!response.ok) throw new JudgeFailure(`HTTP ${response.status}`);
    if (body.length > MAX_BODY_CHARS) throw new JudgeFailure(`reply of ${body.length} characters`);
    const envelope = envelopeSchema.safeParse(parseJson(body, 'response body'));
    if (!envelope.success) throw new JudgeFailure(`not a chat-completions reply: ${firstIssue(envelope.error)}`);
    const content = envelope.data.choices[0]?.message.content ?? '';
    const parsed = judgementSchema.safeParse(parseJson(content, 'message content'));
    if (!parsed.success) throw new JudgeFailure(`judgement does not match the schema: ${firstIssue(parsed.error)}`);
    const judgement: ModelJudgement = {
      keyPoints: parsed.data.keyPoints.map((k) => ({
        id: k.id,
        verdict: k.verdict,
        quote: k.quote ?? undefined,
        misconception: k.misconception ?? undefined,
      })),
    };
    const problem = judgementProblem(
      request.keyPoints.map((k) => k.id),
      judgement,
    );
    if (problem) throw new JudgeFailure(problem);
    return judgement;
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new JudgeFailure(`${what} is not JSON`);
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/** The error's name and message, and a network cause's code (ECONNREFUSED): enough to act on, nothing sent. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown } | undefined;
  return `${error.name}: ${error.message}${typeof cause?.code === 'string' ? ` (${cause.code})` : ''}`;
}
