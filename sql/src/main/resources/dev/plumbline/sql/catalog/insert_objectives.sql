-- params: service, name, indicator, target, latency_threshold_ms, window_kind, window_days, budgeting_method,
--         time_slice_minutes, time_slice_target, updated_at, is_deleted
INSERT INTO objectives (service, name, indicator, target, latency_threshold_ms, window_kind, window_days,
                        budgeting_method, time_slice_minutes, time_slice_target, updated_at, is_deleted)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
