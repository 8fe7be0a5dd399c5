-- Flips an open instance to revealed. Returns 1 only for the caller that changed it. KEYS: 1 instance.
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'revealed')
return 1
