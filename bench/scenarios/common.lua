-- Shared by the POST scenarios (loaded with dofile by post_one.lua and post_batch.lua).
-- Every generated company is unique across threads, requests and runs: the run id (BENCH_RUN_ID, set by
-- bench/run.sh; else the clock), the wrk thread number and a per-thread counter go into its name and into
-- domainName.primaryLinkUrl, which the server keeps unique.
local M = {}

local token = os.getenv("VINGT_TOKEN")
if token == nil or token == "" then
   error("VINGT_TOKEN is not set")
end
M.headers = {
   ["Authorization"] = "Bearer " .. token,
   ["Content-Type"] = "application/json",
   ["Accept"] = "application/json",
}
M.run = os.getenv("BENCH_RUN_ID") or tostring(os.time())

local cities = {
   { "Paris", "France", "EUR", 48.8566, 2.3522 },
   { "Berlin", "Germany", "EUR", 52.5200, 13.4050 },
   { "London", "United Kingdom", "GBP", 51.5072, -0.1276 },
   { "New York", "United States", "USD", 40.7128, -74.0060 },
   { "Tokyo", "Japan", "JPY", 35.6762, 139.6503 },
   { "Toronto", "Canada", "CAD", 43.6532, -79.3832 },
}

-- setup() runs once per wrk thread in the main Lua state: number the threads.
local threads = 0
function M.setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

-- Called from init() in the thread's own Lua state.
function M.init()
   M.tid = tid or 0
   M.counter = 0
   math.randomseed(os.time() + M.tid * 7919)
end

-- One company as JSON; `n` is the thread-local sequence number.
function M.company(n)
   local key = string.format("%s-%d-%d-%06d", M.run, M.tid, n, math.random(0, 999999))
   local c = cities[(n % #cities) + 1]
   local employees = math.random(1, 100000)
   return string.format(
      '{"name":"Bench %s","domainName":{"primaryLinkUrl":"https://bench-%s.example.com","primaryLinkLabel":""},'
         .. '"employees":%d,"address":{"addressStreet1":"%d Bench Street","addressCity":"%s","addressCountry":"%s",'
         .. '"addressLat":%.4f,"addressLng":%.4f},'
         .. '"annualRecurringRevenue":{"amountMicros":%d,"currencyCode":"%s"},"idealCustomerProfile":%s}',
      key, key, employees, math.random(1, 250), c[1], c[2], c[4], c[5],
      employees * 50000000000, c[3], (n % 5 == 0) and "true" or "false")
end

function M.next()
   M.counter = M.counter + 1
   return M.counter
end

return M
