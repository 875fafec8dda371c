-- Per service: requests, errors and the latency histogram merged over all its customers for [from, to).
-- layouts counts the distinct bucket layouts across all slices (only 1 can be merged).
SELECT service, r AS requests, e AS errors, c AS counts, l AS le, n AS layouts, m AS mergeable, k AS customers
FROM (
    SELECT service,
           sum(t.requests)                                            AS r,
           sum(t.errors)                                              AS e,
           sumForEachIf(t.counts, length(t.le) > 0)                   AS c,
           anyIf(t.le, length(t.le) > 0)                              AS l,
           greatest(uniqExactIf(t.le, length(t.le) > 0), max(t.layouts)) AS n,
           min(t.mergeable)                                           AS m,
           uniqExact(t.customer)                                      AS k
    FROM slice_totals(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')},
                  day_from = {day_from:DateTime('UTC')}, day_to = {day_to:DateTime('UTC')},
                  month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                  hour_from = {hour_from:DateTime('UTC')}, hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}) AS t
    GROUP BY service)
ORDER BY service
