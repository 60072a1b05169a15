-- wrk script: cycles through the request paths in the file named by env URLS, and counts as errors
-- the answers that are not HTTP 200 or whose Content-Type does not contain env EXPECT ("image/" when
-- unset: a WMS exception comes back as 200 + XML; "json" for GeoJSON; empty for any 200 answer).
local paths = {}
for line in io.lines(os.getenv("URLS")) do paths[#paths + 1] = line end
local threads = {}
local i = 0
local bad = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

local expect = os.getenv("EXPECT") or "image/"

function response(status, headers, body)
  local ct = headers["Content-Type"] or headers["content-type"] or ""
  if status ~= 200 or not string.find(ct, expect, 1, true) then
    bad = bad + 1
    wrk.thread:set("bad", bad)
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("bad") or 0) end
  io.write(string.format("BAD_RESPONSES %d\n", total))
  io.write(string.format("P50_MS %.3f\nP99_MS %.3f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

