-- Claims the right to post an instance's reveal, closing it to answers on the first claim.
-- KEYS: 1 instance. ARGV: 1 now ms, 2 ms after which an unfinished claim counts as abandoned.
-- Returns 'claimed', 'reclaimed' (an earlier claim was abandoned: its post may be out), 'busy' (someone
-- is posting it right now), 'done' or 'missing'.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if redis.call('HGET', KEYS[1], 'revealPosted') == '1' then return 'done' end
local claimedAt = tonumber(redis.call('HGET', KEYS[1], 'revealClaimAt') or '0')
local now = tonumber(ARGV[1])
if claimedAt > 0 and now - claimedAt < tonumber(ARGV[2]) then return 'busy' end
if redis.call('HGET', KEYS[1], 'state') == 'open' then
  redis.call('HSET', KEYS[1], 'state', 'revealed', 'revealedAt', ARGV[1])
end
redis.call('HSET', KEYS[1], 'revealClaimAt', ARGV[1])
if claimedAt > 0 then return 'reclaimed' end
return 'claimed'
