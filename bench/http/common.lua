-- Shared by the wrk scripts of bench/http-bench.sh. Environment (set by the bench script):
--   BENCH_KEY   API key sent as "Authorization: Bearer <key>"
--   BENCH_IDS   file of customer ids, one a line (exported from the loaded database)
--   BENCH_RUN   a token unique to this run, so purchases get new externalIds on every run
-- Each wrk thread has its own Lua state: the ids are read, and the random generator seeded, per thread.
local M = {}

local threads = {}
function setup(thread)
    threads[#threads + 1] = thread
    thread:set("thread_no", #threads)
end

-- Counts the answers by status in each thread, and prints "statuses: 200=n 503=m" once wrk is done
-- (wrk itself only counts "non-2xx"). Call it at the top of a script; it costs a Lua call per answer.
function M.count_statuses()
    statuses = {}
    response = function(status, headers, body)
        statuses[status] = (statuses[status] or 0) + 1
    end
    done = function(summary, latency, requests)
        local total, keys = {}, {}
        for _, t in ipairs(threads) do
            for status, n in pairs(t:get("statuses") or {}) do
                if not total[status] then keys[#keys + 1] = status end
                total[status] = (total[status] or 0) + n
            end
        end
        table.sort(keys)
        local parts = {}
        for _, status in ipairs(keys) do parts[#parts + 1] = status .. "=" .. total[status] end
        io.write("statuses: " .. table.concat(parts, ",") .. "\n")
    end
end

function M.init()
    M.ids = {}
    for line in io.lines(os.getenv("BENCH_IDS")) do
        if #line > 0 then
            M.ids[#M.ids + 1] = line
        end
    end
    assert(#M.ids > 0, "no ids in " .. os.getenv("BENCH_IDS"))
    M.thread = thread_no or 0
    M.run = os.getenv("BENCH_RUN") or tostring(os.time())
    M.counter = 0
    math.randomseed(os.time() * 1000 + M.thread * 7919)
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
    wrk.headers["Content-Type"] = "application/json"
end

function M.random_id()
    return M.ids[math.random(#M.ids)]
end

-- A region of the generated data (region-0 .. region-9).
function M.random_region()
    return "region-" .. (math.random(10) - 1)
end

-- A new purchase, with an externalId no earlier request used, that happened a minute ago (so the
-- follow-up rules create their tasks as they would for live traffic).
function M.purchase_json()
    M.counter = M.counter + 1
    return string.format(
        '{"customerId":"%s","externalId":"wrk-%s-%d-%d","occurredAt":"%s","amount":%d.%02d,'
            .. '"currency":"EUR","product":"product-%02d","channel":"web"}',
        M.random_id(), M.run, M.thread, M.counter, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60),
        math.random(10, 500), math.random(0, 99), math.random(0, 49))
end

return M
