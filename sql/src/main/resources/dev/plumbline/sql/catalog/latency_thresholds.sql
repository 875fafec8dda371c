-- Every latency objective's threshold in seconds, once each, ascending: spans sources count them exactly.
SELECT DISTINCT latency_threshold_ms / 1000. AS seconds
FROM objectives FINAL
WHERE is_deleted = 0 AND latency_threshold_ms IS NOT NULL AND latency_threshold_ms > 0
ORDER BY seconds
