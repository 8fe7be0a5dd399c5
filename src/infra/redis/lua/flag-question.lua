-- A member's flag on a question: one per member (flagging again replaces the flag, and an empty
-- reason keeps the earlier one), and the question's count in the flagged index, in one step.
-- KEYS: 1 the question's flags (hash: user id -> flag JSON), 2 flagged questions (sorted set by count)
-- ARGV: 1 user id, 2 flag JSON (with a "reason" field), 3 question id
-- Returns {1 if new else 0, the question's flag count, the stored flag JSON}
local flag = ARGV[2]
local previous = redis.call('HGET', KEYS[1], ARGV[1])
if previous then
  local ok, old = pcall(cjson.decode, previous)
  local ok2, new = pcall(cjson.decode, flag)
  if ok and ok2 and type(old) == 'table' and type(new) == 'table' and new['reason'] == '' and type(old['reason']) == 'string' then
    new['reason'] = old['reason']
    flag = cjson.encode(new)
  end
end
redis.call('HSET', KEYS[1], ARGV[1], flag)
local count = redis.call('HLEN', KEYS[1])
redis.call('ZADD', KEYS[2], count, ARGV[3])
if previous then return {0, count, flag} end
return {1, count, flag}
