-- POST /rest/companies: one new company per request, unique values (see common.lua).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

setup = common.setup

function init(args)
   common.init()
end

function request()
   return wrk.format("POST", "/rest/companies", common.headers, common.company(common.next()))
end
