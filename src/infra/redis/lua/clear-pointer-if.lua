-- Deletes a pointer (a JSON snapshot of an instance) only if it still points at the given instance.
-- KEYS: 1 pointer. ARGV: 1 instance id. Returns 1 when deleted.
local pointer = redis.call('GET', KEYS[1])
if not pointer then return 0 end
local ok, decoded = pcall(cjson.decode, pointer)
if ok and type(decoded) == 'table' and decoded['id'] == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
