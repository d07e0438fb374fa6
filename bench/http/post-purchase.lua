-- POST /api/v1/purchases: one new purchase of a random customer per request.
local b = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
b.count_statuses()
function init(args) b.init() end
function request()
    return wrk.format("POST", "/api/v1/purchases", nil, b.purchase_json())
end
