import { createHmac } from 'node:crypto';
import {
  type BlockActionInput,
  blockActionPayload,
  type EnvelopeInput,
  eventCallbackBody,
  type SlashCommandInput,
  slashCommandBody,
  urlVerificationBody,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './payloads.js';

export interface SlackSignatureHeaders {
  'X-Slack-Signature': string;
  'X-Slack-Request-Timestamp': string;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Slack's v0 scheme: HMAC-SHA256 over 'v0:<timestamp>:<raw body>', hex, prefixed with 'v0='. */
export function signSlackRequest(secret: string, rawBody: string, timestampSeconds: number = nowSeconds()): SlackSignatureHeaders {
  const hex = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${hex}`, 'X-Slack-Request-Timestamp': String(timestampSeconds) };
}

export interface SendOptions {
  /** Signed and sent as the request timestamp; Bolt rejects ones more than 5 minutes in the past. */
  timestampSeconds?: number;
  /** Flip one hex digit of an otherwise correct signature. */
  corruptSignature?: boolean;
  /** Slack's redelivery headers (it retries events it got no 2xx for within 3 s). */
  retryNum?: number;
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface SlackAppResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** The body parsed, when the app answered with JSON. */
  json: unknown;
}

// Bolt compares the content type with === (HTTPModuleFunctions.parseHTTPRequestBody), so these must be bare,
// without '; charset=utf-8', exactly as Slack sends them.
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

const flip = (hexDigit: string) => (hexDigit === '0' ? '1' : '0');

export async function postSigned(
  url: string,
  secret: string,
  rawBody: string,
  contentType: string,
  options: SendOptions = {},
): Promise<SlackAppResponse> {
  const signed = signSlackRequest(secret, rawBody, options.timestampSeconds ?? nowSeconds());
  const signature = options.corruptSignature
    ? signed['X-Slack-Signature'].slice(0, -1) + flip(signed['X-Slack-Signature'].slice(-1))
    : signed['X-Slack-Signature'];
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signed,
    'X-Slack-Signature': signature,
    ...(options.retryNum !== undefined ? { 'X-Slack-Retry-Num': String(options.retryNum) } : {}),
    ...(options.retryReason !== undefined ? { 'X-Slack-Retry-Reason': options.retryReason } : {}),
    ...options.headers,
  };
  const res = await fetch(url, { method: 'POST', headers, body: rawBody });
  const body = await res.text();
  const isJson = res.headers.get('content-type')?.startsWith(JSON_TYPE) ?? false;
  return { status: res.status, body, headers: Object.fromEntries(res.headers.entries()), json: isJson ? JSON.parse(body) : undefined };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

export const sendSlashCommand = (url: string, secret: string, input: SlashCommandInput = {}, options?: SendOptions) =>
  postSigned(url, secret, form(slashCommandBody(input) as Record<string, string>), FORM, options);

/** Interactivity payloads travel as one form field, payload=<json>. */
export const sendBlockAction = (url: string, secret: string, input: BlockActionInput, options?: SendOptions) =>
  postSigned(url, secret, form({ payload: JSON.stringify(blockActionPayload(input)) }), FORM, options);

export const sendViewSubmission = (url: string, secret: string, input: ViewSubmissionInput, options?: SendOptions) =>
  postSigned(url, secret, form({ payload: JSON.stringify(viewSubmissionPayload(input)) }), FORM, options);

export const sendEvent = <E extends { type: string }>(url: string, secret: string, event: E, options?: SendOptions & EnvelopeInput) =>
  postSigned(url, secret, JSON.stringify(eventCallbackBody(event, options)), JSON_TYPE, options);

export const sendUrlVerification = (url: string, secret: string, challenge: string, options?: SendOptions) =>
  postSigned(url, secret, JSON.stringify(urlVerificationBody(challenge)), JSON_TYPE, options);
