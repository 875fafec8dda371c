-- params: service, customer, source, hour, requests, errors, latency_le, latency_counts, mergeable, layouts, minutes,
--         computed_at
INSERT INTO telemetry_hour (service, customer, source, hour, requests, errors, latency_le, latency_counts, mergeable,
                            layouts, minutes, computed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
