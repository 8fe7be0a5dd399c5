-- Saves a member's spaced-repetition card for one question: the card and its place in the due
-- index together (one command instead of a MULTI of four), and counts a new card for its day.
-- KEYS: 1 the member's cards (hash), 2 their due index (sorted set), 3 their new-card count for the
--       day (only when ARGV[4] is '1')
-- ARGV: 1 question id, 2 the stored review JSON, 3 its due time (ms), 4 new card (1/0), 5 the count's ttl seconds
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
if ARGV[4] == '1' then
  redis.call('INCR', KEYS[3])
  redis.call('EXPIRE', KEYS[3], tonumber(ARGV[5]))
end
return 1
