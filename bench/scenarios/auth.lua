-- GET scenarios: a fixed request (method and path come from the URL given to wrk) with the Admin key.
-- wrk builds the request once from wrk.headers, so this costs wrk nothing per request.
local token = os.getenv("VINGT_TOKEN")
if token == nil or token == "" then
   error("VINGT_TOKEN is not set")
end
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
