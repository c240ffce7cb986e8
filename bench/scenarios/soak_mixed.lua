-- The soak load (bench/soak): mixed reads and writes that keep the data set at a steady size.
--
--   40% GET one seeded company            10% PATCH one seeded company (employees)
--   15% GET /rest/companies?limit=60      10% POST one company with a client-side id, DELETEd 5 s after its 201
--   10% filtered + ordered GET            5% POST a batch of 20 (one name prefix), destroyed 5 s after its 201
--   10% GraphQL companies(first: 20)      ... the deletes come on top, as the queues fill
--
-- SOAK_IDS_FILE: one seeded company id per line (bench/soak writes it). Every response must be 2xx: wrk counts the
-- others as "Non-2xx or 3xx responses", which bench/soak reports as errors (and this script prints them by status
-- at the end). A delete is queued when its create's 201 arrives (the id, or the batch's name prefix, is read from the
-- answer) and sent 5 s later, so it can never overtake its create, however slow that create was.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

setup = common.setup

local ids = {}
local created = {} -- {id, time answered} of single creates, oldest first
local batches = {} -- {name prefix, time answered} of batch creates, oldest first
local kLagSeconds = 5 -- a delete is sent this long after its create was answered
local graphqlBody = '{"query":"{ companies(first: 20) { edges { node { id name employees } } } }"}'
local filtered = "/rest/companies?filter=name%5Blike%5D%3A%22Company+0%25%22&order_by=name&limit=60"

local function uuid()
   return string.format("%08x-%04x-4%03x-%04x-%04x%08x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
      math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffff), math.random(0, 0x7fffffff))
end

function init(args)
   common.init()
   local path = os.getenv("SOAK_IDS_FILE")
   if path == nil then
      error("SOAK_IDS_FILE is not set")
   end
   for line in io.lines(path) do
      if #line > 0 then
         ids[#ids + 1] = line
      end
   end
   if #ids == 0 then
      error("no ids in " .. path)
   end
end

local function seeded()
   return ids[math.random(1, #ids)]
end

function request()
   local now = os.time()
   if #created > 0 and now - created[1][2] >= kLagSeconds then
      return wrk.format("DELETE", "/rest/companies/" .. table.remove(created, 1)[1], common.headers)
   end
   if #batches > 0 and now - batches[1][2] >= kLagSeconds then
      local prefix = table.remove(batches, 1)[1]
      return wrk.format("DELETE", "/rest/companies?filter=name%5Blike%5D%3A%22Soak+" .. prefix .. "+%25%22",
         common.headers)
   end
   local n = common.next()
   local r = math.random(1, 100)
   if r <= 35 then
      return wrk.format("GET", "/rest/companies/" .. seeded(), common.headers)
   elseif r <= 50 then
      return wrk.format("GET", "/rest/companies?limit=60", common.headers)
   elseif r <= 60 then
      return wrk.format("GET", filtered, common.headers)
   elseif r <= 70 then
      return wrk.format("POST", "/graphql", common.headers, graphqlBody)
   elseif r <= 80 then
      return wrk.format("PATCH", "/rest/companies/" .. seeded(), common.headers,
         string.format('{"employees":%d}', math.random(1, 100000)))
   elseif r <= 90 then
      local body = common.company(n):gsub("^{", '{"id":"' .. uuid() .. '",', 1)
      return wrk.format("POST", "/rest/companies", common.headers, body)
   elseif r <= 95 then
      local prefix = string.format("%s-%d-%d", common.run, common.tid, n)
      local records = {}
      for i = 1, 20 do
         records[i] = string.format('{"name":"Soak %s %d","employees":%d}', prefix, i, i)
      end
      return wrk.format("POST", "/rest/batch/companies", common.headers, "[" .. table.concat(records, ",") .. "]")
   else
      return wrk.format("GET", "/rest/companies/" .. seeded(), common.headers)
   end
end

-- Non-2xx answers by status, printed at the end (response() runs in each thread's state; done() in the main one,
-- so each thread keeps its counts in a global that done() reads back through wrk's thread objects).
local threadsList = {}
local baseSetup = setup
function setup(thread)
   baseSetup(thread)
   threadsList[#threadsList + 1] = thread
end

failures = ""
function response(status, headers, body)
   if status < 200 or status > 299 then
      failures = failures .. string.format("%d %s\n", status, body:sub(1, 200))
   elseif status == 201 then
      -- A create answered: queue its delete (records are written id first).
      local id = body:match('^{"data":{"createCompany":{"id":"([%x%-]+)"')
      if id then
         created[#created + 1] = { id, os.time() }
         return
      end
      local prefix = body:match('^{"data":{"createCompanies":%[.-"name":"Soak ([^ "]+) ')
      if prefix then
         batches[#batches + 1] = { prefix, os.time() }
         return
      end
      failures = failures .. "201 without a company id or batch name: " .. body:sub(1, 200) .. "\n"
   end
end

function done(summary, latency, requests)
   for _, thread in ipairs(threadsList) do
      local text = thread:get("failures")
      if text and #text > 0 then
         io.write("non-2xx answers:\n" .. text)
      end
   end
end
