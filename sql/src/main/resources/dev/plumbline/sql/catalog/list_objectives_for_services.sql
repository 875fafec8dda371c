-- The objectives of the given services.
SELECT service, name, indicator, target, latency_threshold_ms, window_kind, window_days, budgeting_method,
       time_slice_minutes, time_slice_target
FROM objectives FINAL
WHERE is_deleted = 0 AND has({services:Array(String)}, service)
ORDER BY service, name
