-- wrk reporter for bench/bench_api.py: one parseable line with throughput, latency
-- percentiles (microseconds) and error counts, printed once the run is over.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK_RESULT {\"requests\": %d, \"duration_us\": %d, \"bytes\": %d, " ..
    "\"p50_us\": %.0f, \"p95_us\": %.0f, \"p99_us\": %.0f, \"max_us\": %.0f, " ..
    "\"non_2xx_3xx\": %d, \"socket_errors\": %d}\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout
  ))
end
