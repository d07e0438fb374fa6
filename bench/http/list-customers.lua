-- GET /api/v1/customers: the first page (50) of a random region's customers, biggest spenders first.
local b = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
function init(args) b.init() end
function request()
    return wrk.format("GET", "/api/v1/customers?region=" .. b.random_region() .. "&sort=-totalSpent&limit=50")
end
