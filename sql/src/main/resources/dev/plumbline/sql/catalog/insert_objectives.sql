-- params: service, name, indicator, target, latency_threshold_ms, window_kind, window_days, updated_at, is_deleted
INSERT INTO objectives (service, name, indicator, target, latency_threshold_ms, window_kind, window_days, updated_at,
                        is_deleted)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
