-- Records a user's first graded answer to a question instance, with its points, streak and
-- every leaderboard, in one atomic step. A second call for the same user changes nothing.
-- KEYS: 1 instance, 2 answers, 3 distribution, 4 first-correct, 5 scored, 6 streak,
--       7 ws-all, 8 ws-week, 9 ws-month, 10 ch-all, 11 ch-week, 12 ch-month, 13 score sequence,
--       14 display names, 15 the user's answer pointer, 16 the user's rateable pointer,
--       17 the user's spaced-repetition cards (read only: the card comes back for the review step),
--       18 the user's answer statistics (answered, correct, and per topic a:<t>, c:<t>, s:<t> score in thousandths),
--       19 the question the user saw last (for /flag), 20 the question's answer counts (n, c, s, p:<key>)
-- ARGV: 1 userId, 2 stored answer JSON, 3 points, 4 correct (1/0), 5 picked keys (comma list),
--       6 questionId, 7 score once per question (1/0), 8 week expire-at ms,
--       9 month expire-at ms, 10 streak today (YYYY-MM-DD or empty), 11 streak yesterday,
--       12 display name, 13 instance id whose user pointer to clear (or empty),
--       14 instance id to make rateable (or empty), 15 rateable pointer ttl seconds,
--       16 topic, 17 score in thousandths, 18 defer (1: results stay secret until the reveal, so the
--       boards, streak and statistics are left to apply-deferred.lua at the reveal),
--       19 attempt id (also inside the stored answer JSON), 20 the last-seen JSON, 21 its ttl seconds
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return {'missing'} end
local previous = redis.call('HGET', KEYS[2], ARGV[1])
-- The same attempt again (ioredis re-sends a pending script after a reconnect): it was recorded, so
-- say so with what it earned, rather than "already answered" (or "revealed", if the reveal came since).
if previous and string.find(previous, '"attempt":"' .. ARGV[19] .. '"', 1, true) then
  return {'retried', redis.call('HGET', KEYS[1], 'awarded:' .. ARGV[1]) or '0'}
end
if state == 'revealed' then return {'revealed'} end
if previous then return {'already', previous} end

redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'answered', 1)
-- The name shown on boards and reveals: stored here, so events that score nothing write nothing.
redis.call('HSET', KEYS[14], ARGV[1], ARGV[12])
-- The user's typed answers stop going to an instance they have answered (only if still pointed at it).
if ARGV[13] ~= '' then
  local pointer = redis.call('GET', KEYS[15])
  if pointer then
    local ok, decoded = pcall(cjson.decode, pointer)
    if ok and type(decoded) == 'table' and decoded['id'] == ARGV[13] then redis.call('DEL', KEYS[15]) end
  end
end
if ARGV[14] ~= '' then redis.call('SET', KEYS[16], ARGV[14], 'EX', tonumber(ARGV[15])) end
if ARGV[4] == '1' then
  redis.call('HINCRBY', KEYS[1], 'correct', 1)
  if redis.call('LLEN', KEYS[4]) < 3 then redis.call('RPUSH', KEYS[4], ARGV[1]) end
end
if ARGV[5] ~= '' then
  for key in string.gmatch(ARGV[5], '[^,]+') do redis.call('HINCRBY', KEYS[3], key, 1) end
end

-- The question report's counts and /flag's "last question", for every answer, secret or not: the
-- report leaves out a question while it is open in a channel, and a flag never shows the answer.
redis.call('SET', KEYS[19], ARGV[20], 'EX', tonumber(ARGV[21]))
redis.call('HINCRBY', KEYS[20], 'n', 1)
redis.call('HINCRBY', KEYS[20], 's', tonumber(ARGV[17]))
if ARGV[4] == '1' then redis.call('HINCRBY', KEYS[20], 'c', 1) end
if ARGV[5] ~= '' then
  for key in string.gmatch(ARGV[5], '[^,]+') do redis.call('HINCRBY', KEYS[20], 'p:' .. key, 1) end
end

-- Per-instance keys live as long as the instance itself.
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  for i = 2, 4 do
    if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ttl) end
  end
end
if ARGV[18] == '1' then
  redis.call('HSET', KEYS[1], 'awarded:' .. ARGV[1], ARGV[3])
  return {'recorded', ARGV[3], '0', ''}
end

redis.call('HINCRBY', KEYS[18], 'answered', 1)
redis.call('HINCRBY', KEYS[18], 'a:' .. ARGV[16], 1)
redis.call('HINCRBY', KEYS[18], 's:' .. ARGV[16], tonumber(ARGV[17]))
if ARGV[4] == '1' then
  redis.call('HINCRBY', KEYS[18], 'correct', 1)
  redis.call('HINCRBY', KEYS[18], 'c:' .. ARGV[16], 1)
end

local points = tonumber(ARGV[3])
if ARGV[7] == '1' and redis.call('SADD', KEYS[5], ARGV[6]) == 0 then points = 0 end
redis.call('HSET', KEYS[1], 'awarded:' .. ARGV[1], points)

-- Scores pack points and a tie-break: points * 2^32 + (2^32 - 1 - n), where n counts score changes
-- in the workspace, so of equal points whoever reached them first ranks higher, even within the
-- same millisecond. Exact in a double while points < 2^21.
local SHIFT = 4294967296
local tie = SHIFT - 1 - (redis.call('INCR', KEYS[13]) % SHIFT)
local function bump(key, expireAt)
  local current = redis.call('ZSCORE', KEYS[key], ARGV[1])
  -- Zero points change nothing, and nobody is listed on a board before they score.
  if points == 0 then return end
  local base = 0
  if current then base = math.floor(tonumber(current) / SHIFT) end
  redis.call('ZADD', KEYS[key], string.format('%.0f', (base + points) * SHIFT + tie), ARGV[1])
  if expireAt then redis.call('PEXPIREAT', KEYS[key], expireAt) end
end
bump(7, nil)
bump(8, ARGV[8])
bump(9, ARGV[9])
bump(10, nil)
bump(11, ARGV[8])
bump(12, ARGV[9])

local streak = 0
if ARGV[10] ~= '' then
  local last = redis.call('HGET', KEYS[6], 'last')
  local count = tonumber(redis.call('HGET', KEYS[6], 'count') or '0')
  if last == ARGV[10] then
    streak = count
  else
    if last == ARGV[11] then streak = count + 1 else streak = 1 end
    redis.call('HSET', KEYS[6], 'last', ARGV[10], 'count', streak)
  end
  local best = tonumber(redis.call('HGET', KEYS[6], 'best') or '0')
  if streak > best then redis.call('HSET', KEYS[6], 'best', streak) end
end
return {'recorded', tostring(points), tostring(streak), redis.call('HGET', KEYS[17], ARGV[6]) or ''}
