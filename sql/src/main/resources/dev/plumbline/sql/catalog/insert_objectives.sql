-- Objectives (new versions replace older ones; is_deleted = 1 deletes).
INSERT INTO objectives (service, name, indicator, target, latency_threshold_ms, window_kind, window_days,
                        budgeting_method, time_slice_minutes, time_slice_target, updated_at, is_deleted)
