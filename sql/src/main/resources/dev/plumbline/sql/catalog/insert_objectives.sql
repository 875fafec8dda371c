-- params: service, name, indicator, target, latency_threshold_ms, window_kind, window_days, updated_at
INSERT INTO objectives (service, name, indicator, target, latency_threshold_ms, window_kind, window_days, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
