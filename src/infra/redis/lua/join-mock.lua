-- Adds a participant to a mock session unless it is full. KEYS: 1 session JSON, 2 participants set.
-- ARGV: 1 session id, 2 user id, 3 max participants. Returns 'joined', 'already', 'full' or 'no-session'.
local raw = redis.call('GET', KEYS[1])
if not raw then return 'no-session' end
local ok, session = pcall(cjson.decode, raw)
if not ok or session['id'] ~= ARGV[1] then return 'no-session' end
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then return 'already' end
if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 'full' end
redis.call('SADD', KEYS[2], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 'joined'
