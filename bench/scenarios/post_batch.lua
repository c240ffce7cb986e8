-- POST /rest/batch/companies: 60 new companies per request (API-CONTRACT §8 cap), unique values (see
-- common.lua). Records/s = requests/s x 60.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
local batch = 60

setup = common.setup

function init(args)
   common.init()
end

function request()
   local parts = {}
   for i = 1, batch do
      parts[i] = common.company(common.next())
   end
   return wrk.format("POST", "/rest/batch/companies", common.headers, "[" .. table.concat(parts, ",") .. "]")
end
