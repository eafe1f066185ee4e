-- wrk script for the clinic's day (bench/run.sh drives it; see docs/benchmarks.md).
--   wrk -t2 -c8 -d30s -H "Authorization: Basic …" -s bench/scenario.lua URL -- SCENARIO FIXTURE_DIR OFFSET THREADS
-- SCENARIO is one of search, read, create, book, chart, sign, review, audit. Each request takes the next line of
-- FIXTURE_DIR/SCENARIO.txt (written by org.venula.bench.BenchData): thread i of THREADS takes lines OFFSET + i,
-- OFFSET + i + THREADS, … so that scenarios that use their line up (a booking's slot, a session to sign) never
-- repeat one, across runs too when OFFSET moves on. done() prints one line the runner reads.

local counter = 0
function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
end

local scenario, lines, position, step, consumed

function init(args)
  scenario = args[1]
  local offset = tonumber(args[3] or "0")
  step = tonumber(args[4] or "1")
  lines = {}
  local file = args[2] .. "/" .. scenario .. ".txt"
  if scenario == "create" then
    lines[1] = ""
  else
    for line in io.lines(file) do
      lines[#lines + 1] = line
    end
  end
  position = offset + index
  consumed = scenario == "book" or scenario == "sign" or scenario == "review"
end

local function nextLine()
  local i = position
  position = position + step
  if consumed and i >= #lines then
    error("fixture " .. scenario .. ".txt used up at line " .. i .. ": generate more or move the offset back")
  end
  return lines[(i % #lines) + 1], i
end

local function words(line)
  local t = {}
  for w in line:gmatch("%S+") do
    t[#t + 1] = w
  end
  return t
end

-- wrk.format uses wrk.headers (which holds -H) only when given no headers of its own.
local json
local function jsonHeaders()
  if not json then
    json = {}
    for k, v in pairs(wrk.headers) do
      json[k] = v
    end
    json["Content-Type"] = "application/json"
  end
  return json
end

function request()
  local line, i = nextLine()
  local w = words(line)
  if scenario == "search" then
    return wrk.format("GET", "/api/patients?query=" .. w[1] .. "&size=20")
  elseif scenario == "read" then
    return wrk.format("GET", "/api/patients/" .. w[1])
  elseif scenario == "create" then
    local body = string.format('{"givenName":"Bench","familyName":"Created%d","dateOfBirth":"1970-%02d-%02d",' ..
      '"sex":"FEMALE","phone":"07700 900%03d"}', i, 1 + i % 12, 1 + i % 28, i % 1000)
    return wrk.format("POST", "/api/patients", jsonHeaders(), body)
  elseif scenario == "book" then
    local body = string.format('{"patientId":%s,"practitionerId":%s,"type":"TREATMENT","start":"%s"}',
      w[1], w[2], w[3])
    return wrk.format("POST", "/api/appointments", jsonHeaders(), body)
  elseif scenario == "chart" then
    local body = string.format('{"areaId":%s,"lotId":%s,"concentrationPercent":%s,"form":"LIQUID",' ..
      '"volumeMl":0.1,"needleGauge":30,"veinType":"%s","ultrasound":false,"x":0.%d,"y":0.%d,"view":"FRONT"}',
      w[2], w[3], w[4], w[5], 10 + i % 80, 10 + (i * 7) % 80)
    return wrk.format("POST", "/api/sessions/" .. w[1] .. "/injections", jsonHeaders(), body)
  elseif scenario == "sign" then
    return wrk.format("POST", "/api/sessions/" .. w[1] .. "/sign", jsonHeaders(), "{}")
  elseif scenario == "review" then
    local areas = {}
    for a in w[4]:gmatch("[^,]+") do
      areas[#areas + 1] = string.format('{"areaId":%s,"clearancePercent":75,"drained":false}', a)
    end
    local body = string.format('{"planId":%s,"reviewedOn":"%s","areas":[%s],"satisfaction":4,"wouldRepeat":true,' ..
      '"ceapLeft":"C1","ceapRight":"C1","decision":"ANOTHER_SESSION"}', w[2], w[3], table.concat(areas, ","))
    return wrk.format("POST", "/api/patients/" .. w[1] .. "/reviews", jsonHeaders(), body)
  elseif scenario == "audit" then
    return wrk.format("GET", "/api/audit/outcomes?from=" .. w[1] .. "&to=" .. w[2])
  end
  error("unknown scenario " .. tostring(scenario))
end

local shown = 0
function response(status, headers, body)
  if status >= 400 and shown < 3 then
    shown = shown + 1
    io.stderr:write(scenario .. " " .. status .. " " .. body:sub(1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("BENCH-RESULT requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d p999_us=%d " ..
    "max_us=%d\n", summary.requests, summary.duration,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
