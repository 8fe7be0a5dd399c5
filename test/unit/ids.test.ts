import { describe, expect, it } from 'vitest';
import { dailyInstanceId, dailyScheduleId, idPart } from '../../src/core/daily/daily-jobs.js';
import type { ChannelRef } from '../../src/core/types.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';

const ch = (workspaceId: string, channelId: string): ChannelRef => ({ platform: 'slack', workspaceId, channelId });

describe('ids and keys are unambiguous', () => {
  it('job ids of different channels never collide, and contain no ":" (BullMQ)', () => {
    expect(dailyScheduleId(ch('T1-X', 'C2'))).not.toBe(dailyScheduleId(ch('T1', 'X-C2')));
    expect(dailyScheduleId(ch('T1:X', 'C2'))).not.toContain(':');
    expect(dailyInstanceId(ch('T', 'C-1'), '20261204')).not.toBe(dailyInstanceId(ch('T', 'C'), '1-20261204'));
    // The ids of real platforms are unchanged, so schedules made before stay where they are.
    expect(dailyScheduleId(ch('T0123ABC', 'C0456DEF'))).toBe('daily-slack-T0123ABC-C0456DEF');
    expect(idPart('a%2Db')).toBe('a%252Db');
  });

  it('keys of different parts never collide, and braces cannot break the hash tag', () => {
    const keys = new RedisKeys('p');
    expect(keys.userPointer(ch('T', 'CA:x'), 'y')).not.toBe(keys.userPointer(ch('T', 'CA'), 'x:y'));
    expect(keys.board(ch('T', 'a:b'), 'a:b', 'all')).not.toBe(keys.board(ch('T', 'a'), 'b:a:b', 'all'));
    expect(keys.workspace(ch('{x}', 'c'))).toBe('p:{ws:slack:%7Bx%7D}');
    expect(keys.instance(ch('T', 'c'), 'daily-C1-20261204')).toBe('p:{ws:slack:T}:inst:daily-C1-20261204');
  });
});
