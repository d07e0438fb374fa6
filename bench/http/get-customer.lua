-- GET /api/v1/customers/{id}, a random id of the loaded data per request.
local b = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
function init(args) b.init() end
function request()
    return wrk.format("GET", "/api/v1/customers/" .. b.random_id())
end
