-- The body is RowBinary, one row per minute and slice, in this column order (see TelemetryRowBinary).
INSERT INTO telemetry_minute (service, customer, source, minute, requests, errors, latency_le, latency_counts,
                              mergeable, collected_at)
FORMAT RowBinary
