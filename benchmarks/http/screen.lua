-- wrk script: POST /screen with JSON bodies read from a file (one per line, written by Screening.LoadTest
-- --write-bodies). Requests are formatted once in init, so the client spends its CPU on the wire, not in Lua; each
-- wrk thread starts at its own offset and the sequence cycles.
-- Usage: wrk -t1 -c16 -d20s -s benchmarks/http/screen.lua http://127.0.0.1:PORT -- BODIES.jsonl [API_KEY]
local requests = {}
local next_index = 1
local headers = { ["Content-Type"] = "application/json" }
local thread_id = 0

function setup(thread)
   thread_id = thread_id + 1
   thread:set("id", thread_id)
end

function init(args)
   local file = args[1] or error("pass the bodies file after --")
   if args[2] then headers["X-Api-Key"] = args[2] end
   for line in io.lines(file) do
      if #line > 0 then requests[#requests + 1] = wrk.format("POST", "/screen", headers, line) end
   end
   if #requests == 0 then error("no bodies in " .. file) end
   next_index = ((id or 1) - 1) * 7919 % #requests + 1
end

function request()
   local r = requests[next_index]
   next_index = next_index % #requests + 1
   return r
end

-- One machine-readable line: requests, seconds, p50/p90/p99/max in ms, errors (socket errors and HTTP statuses
-- above 399, which wrk counts itself: no response() callback, which would cost the client a Lua call per response).
function done(summary, latency, requests)
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.timeout + e.status
   io.write(string.format("RESULT requests=%d seconds=%.3f p50=%.3f p90=%.3f p99=%.3f max=%.3f errors=%d\n",
      summary.requests, summary.duration / 1e6,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, errors))
end
