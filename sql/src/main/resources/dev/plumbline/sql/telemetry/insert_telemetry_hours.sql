-- Hourly rows written directly (sources that deliver hours, history older than the raw minutes' TTL, tests).
INSERT INTO telemetry_hour (service, customer, source, hour, requests, errors, latency_le, latency_counts, mergeable,
                            layouts, minutes, computed_at)
