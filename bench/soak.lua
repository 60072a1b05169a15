-- wrk script of the soak (bench/soak.sh): cycles through the request paths in the file named by env
-- URLS (maps, tiles, WFS and OGC API answers mixed) and counts every answer that is not HTTP 200.
local paths = {}
for line in io.lines(os.getenv("URLS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local threads = {}
local i = 0
local bad = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status ~= 200 then
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
