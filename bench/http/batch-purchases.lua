-- POST /api/v1/purchases/batch: BENCH_BATCH (default 1000) new purchases of random customers per request.
local b = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
b.count_statuses()
local size = tonumber(os.getenv("BENCH_BATCH") or "1000")
function init(args) b.init() end
function request()
    local items = {}
    for i = 1, size do
        items[i] = b.purchase_json()
    end
    return wrk.format("POST", "/api/v1/purchases/batch", nil, '{"purchases":[' .. table.concat(items, ",") .. ']}')
end
