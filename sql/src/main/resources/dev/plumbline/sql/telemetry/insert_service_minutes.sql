-- Per-service minutes written directly, for history that has no raw minutes per customer (the demo's history):
-- what alert backtests replay. The hourly roll-up recomputes a minute from telemetry_minute only when it holds it.
INSERT INTO service_minute (service, minute, requests, errors, latency_le, latency_counts, layouts, mergeable,
                            computed_at)
