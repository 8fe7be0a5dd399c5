-- Applies the secret answers of an instance at its reveal: points on every board, streaks and the
-- members' statistics, once (a retried reveal finds scoresApplied set and changes nothing).
-- KEYS: 1 instance, 2 score sequence, 3 ws-all, 4 ch-all, then six a member, in answer order:
--       ws-week, ws-month, ch-week, ch-month, streak, statistics
-- ARGV: 1 member count, then nine a member: userId, points, week expire-at ms, month expire-at ms,
--       streak today (or empty), streak yesterday, topic, score in thousandths, correct (1/0)
-- Returns {'applied', streak of member 1, ...} or {'already'}.
if redis.call('HSETNX', KEYS[1], 'scoresApplied', '1') == 0 then return {'already'} end

-- The same packing as record-answer.lua: points * 2^32 + (2^32 - 1 - n), n counting score changes.
local SHIFT = 4294967296
local out = {'applied'}
for m = 1, tonumber(ARGV[1]) do
  local a = 1 + (m - 1) * 9
  local k = 4 + (m - 1) * 6
  local user, points = ARGV[a + 1], tonumber(ARGV[a + 2])
  local tie = SHIFT - 1 - (redis.call('INCR', KEYS[2]) % SHIFT)
  local function bump(key, expireAt)
    local current = redis.call('ZSCORE', key, user)
    -- Zero points change nothing, and nobody is listed on a board before they score.
    if points == 0 then return end
    local base = 0
    if current then base = math.floor(tonumber(current) / SHIFT) end
    redis.call('ZADD', key, string.format('%.0f', (base + points) * SHIFT + tie), user)
    if expireAt then redis.call('PEXPIREAT', key, expireAt) end
  end
  bump(KEYS[3], nil)
  bump(KEYS[4], nil)
  bump(KEYS[k + 1], ARGV[a + 3])
  bump(KEYS[k + 2], ARGV[a + 4])
  bump(KEYS[k + 3], ARGV[a + 3])
  bump(KEYS[k + 4], ARGV[a + 4])

  local streak = 0
  if ARGV[a + 5] ~= '' then
    local last = redis.call('HGET', KEYS[k + 5], 'last')
    local count = tonumber(redis.call('HGET', KEYS[k + 5], 'count') or '0')
    if last == ARGV[a + 5] then
      streak = count
    else
      if last == ARGV[a + 6] then streak = count + 1 else streak = 1 end
      redis.call('HSET', KEYS[k + 5], 'last', ARGV[a + 5], 'count', streak)
    end
    local best = tonumber(redis.call('HGET', KEYS[k + 5], 'best') or '0')
    if streak > best then redis.call('HSET', KEYS[k + 5], 'best', streak) end
  end
  out[#out + 1] = tostring(streak)

  local topic = ARGV[a + 7]
  redis.call('HINCRBY', KEYS[k + 6], 'answered', 1)
  redis.call('HINCRBY', KEYS[k + 6], 'a:' .. topic, 1)
  redis.call('HINCRBY', KEYS[k + 6], 's:' .. topic, tonumber(ARGV[a + 8]))
  if ARGV[a + 9] == '1' then
    redis.call('HINCRBY', KEYS[k + 6], 'correct', 1)
    redis.call('HINCRBY', KEYS[k + 6], 'c:' .. topic, 1)
  end
end
return out
