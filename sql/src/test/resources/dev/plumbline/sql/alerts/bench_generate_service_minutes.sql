-- Benchmark data: {minutes} per-service minutes of one service from {start}, straight into service_minute: about 1,000
-- requests a minute with a daily cycle, 0.02% failing; in about one 90-minute block in 97 (one every six days) a
-- burst of 3% errors, and a slow burn of 0.25% errors (2.5x a 99.9% budget) through every 13th day. 3% of requests
-- are slower than 0.5 s.
INSERT INTO service_minute (service, minute, requests, errors, latency_le, latency_counts, layouts, mergeable,
                            computed_at)
SELECT {service:String}                                                         AS service,
       {start:DateTime('UTC')} + toIntervalMinute(number)                       AS minute,
       round(1000 * (0.8 + 0.4 * sin(number / 1440. * 6.283)))                 AS requests,
       round(requests * multiIf(cityHash64(intDiv(number, 90)) % 97 = 0, 0.03,
                                intDiv(number, 1440) % 13 = 7, 0.0025, 0.0002)) AS errors,
       [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, inf]                                    AS latency_le,
       arrayMap(w -> round(requests * w), [0.4, 0.3, 0.2, 0.07, 0.025, 0.004, 0.001]) AS latency_counts,
       1, true, now64(3)
FROM numbers({minutes:UInt64})
