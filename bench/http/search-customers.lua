-- POST /api/v1/customers/search, three conditions: a random region, e-mail consent, buying stage
-- CUSTOMER; first page of 50 in the default order (createdAt).
local b = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
function init(args) b.init() end
function request()
    local body = '{"filter":{"and":[{"field":"region","op":"eq","value":"' .. b.random_region() .. '"},'
        .. '{"field":"consent.EMAIL","op":"eq","value":true},'
        .. '{"field":"buyingStage","op":"eq","value":"CUSTOMER"}]},"limit":50}'
    return wrk.format("POST", "/api/v1/customers/search", nil, body)
end
