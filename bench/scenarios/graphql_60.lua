-- POST /graphql: companies(first: 60) with 8 scalar and composite fields (issue 3). A fixed body, built once.
-- Compared with GET /rest/companies?limit=60 in the same run (target: >= 0.7x its req/s).
local token = os.getenv("VINGT_TOKEN")
if token == nil or token == "" then
   error("VINGT_TOKEN is not set")
end
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local nested = os.getenv("BENCH_GRAPHQL_NESTED") == "1"
local people = nested and " people { edges { node { id name { firstName lastName } jobTitle } } }" or ""
wrk.body = '{"query":"{ companies(first: 60) { edges { node { id name employees idealCustomerProfile createdAt '
   .. 'domainName { primaryLinkUrl } address { addressCity addressCountry } '
   .. 'annualRecurringRevenue { amountMicros currencyCode }' .. people .. ' } } totalCount } }"}'
