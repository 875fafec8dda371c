-- Objectives (new versions replace older ones; is_deleted = 1 deletes).
INSERT INTO objectives (service, name, indicator, target, latency_threshold_ms, window_kind, window_days, updated_at,
                        is_deleted)
