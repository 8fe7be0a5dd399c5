-- Flips an open instance to revealed, closing it to answers. Returns 1 only for the caller that
-- changed it. KEYS: 1 instance. ARGV: 1 revealed-at ms.
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'revealed', 'revealedAt', ARGV[1])
return 1
