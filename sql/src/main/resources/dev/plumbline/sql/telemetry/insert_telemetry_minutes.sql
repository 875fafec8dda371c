-- params: service, customer, source, minute, requests, errors, latency_le, latency_counts, mergeable, collected_at
INSERT INTO telemetry_minute (service, customer, source, minute, requests, errors, latency_le, latency_counts,
                              mergeable, collected_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
