-- Benchmark data: one day of hourly roll-ups for every customer x service, straight into telemetry_hour.
-- Customer cus-NNNN sends a heavy-tailed volume; about 1 slice in 50 fails 0.5% of requests (5x a 99.9% budget) and
-- about 1 in 37 is slow (20% of requests above 1 s against an allowed 5%); the rest are inside their objectives.
INSERT INTO telemetry_hour (service, customer, source, hour, requests, errors, latency_le, latency_counts, mergeable,
                            layouts, minutes, computed_at)
SELECT concat('svc-', leftPad(toString(s), 2, '0'))                              AS service,
       concat('cus-', leftPad(toString(c + 1), 4, '0'))                          AS customer,
       'prometheus'                                                              AS source,
       {day_start:DateTime('UTC')} + toIntervalHour(h)                          AS hour,
       requests,
       round(requests * if(cityHash64(c, s) % 50 = 0, 0.005, 0.0002))            AS errors,
       [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, inf]                                AS latency_le,
       arrayMap(w -> round(requests * w),
                if(cityHash64(c, s, 1) % 37 = 0, [0.1, 0.1, 0.2, 0.2, 0.2, 0.12, 0.05, 0.03],
                                                  [0.3, 0.3, 0.2, 0.1, 0.06, 0.03, 0.008, 0.002])) AS latency_counts,
       true, 1, 60, now64(3)
FROM (
    SELECT {customers:UInt32} AS customers, {services:UInt32} AS services,
           number % customers                                                    AS c,
           intDiv(number, customers) % services                                  AS s,
           intDiv(number, customers * services)                                  AS h,
           round(20 + 2000 * exp(2 * ((cityHash64(c) % 1000) / 1000. - 0.8))
                 * (0.5 + (cityHash64(s) % 100) / 100.) * (0.8 + 0.4 * sin(h / 24. * 6.283))) AS requests
    FROM numbers({rows:UInt64})
)
