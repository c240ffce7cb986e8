-- POST /graphql: the graphql_60 query with each company's `people` nested (a batched ONE_TO_MANY load: a constant
-- number of SQL statements per request whatever the page size, checked by tests/e2e/tst_graphql_core).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
-- wrk's Lua has no setenv: load the flat scenario with its `nested` switch forced on.
local os_getenv = os.getenv
os.getenv = function(name)
   if name == "BENCH_GRAPHQL_NESTED" then
      return "1"
   end
   return os_getenv(name)
end
dofile(dir .. "graphql_60.lua")
os.getenv = os_getenv
