import { readFileSync } from 'node:fs';
import type { RedisClient } from './redis-client.js';

const here = new URL('./lua/', import.meta.url);

function load(name: string): string {
  return readFileSync(new URL(`${name}.lua`, here), 'utf8');
}

/** Our Lua scripts, registered as ioredis commands (EVALSHA with an automatic EVAL fallback). */
export interface ScriptCommands {
  recordAnswer(...args: Array<string | number>): Promise<string[]>;
  saveReview(...args: Array<string | number>): Promise<number>;
  createInstance(...args: Array<string | number>): Promise<number>;
  claimReveal(key: string, now: number, staleMs: number): Promise<'claimed' | 'reclaimed' | 'busy' | 'done' | 'missing'>;
  clearPointerIf(key: string, instanceId: string): Promise<number>;
  applyDeferred(...args: Array<string | number>): Promise<string[]>;
  joinMock(sessionKey: string, participantsKey: string, sessionId: string, userId: string, max: number): Promise<string>;
  flagQuestion(
    flagsKey: string,
    flaggedKey: string,
    userId: string,
    flagJson: string,
    questionId: string,
  ): Promise<[number, number, string]>;
}

/** The client the stores talk to: the one scripts are registered on. */
export type StoreClient = Parameters<typeof withScripts>[0];

const registered = new WeakSet<RedisClient>();

export function withScripts(redis: RedisClient): RedisClient & ScriptCommands {
  if (!registered.has(redis)) {
    redis.defineCommand('recordAnswer', { numberOfKeys: 20, lua: load('record-answer') });
    redis.defineCommand('saveReview', { numberOfKeys: 3, lua: load('save-review') });
    redis.defineCommand('flagQuestion', { numberOfKeys: 2, lua: load('flag-question') });
    redis.defineCommand('createInstance', { numberOfKeys: 1, lua: load('create-instance') });
    redis.defineCommand('claimReveal', { numberOfKeys: 1, lua: load('claim-reveal') });
    redis.defineCommand('clearPointerIf', { numberOfKeys: 1, lua: load('clear-pointer-if') });
    redis.defineCommand('joinMock', { numberOfKeys: 2, lua: load('join-mock') });
    // The key count depends on the number of answers, so it is given with each call.
    redis.defineCommand('applyDeferred', { lua: load('apply-deferred') });
    registered.add(redis);
  }
  return redis as RedisClient & ScriptCommands;
}
