-- Per service: requests, errors and the latency histogram merged over all its customers for [from, to).
-- layouts counts the distinct bucket layouts across all slices (only 1 can be merged).
-- params: from, to
SELECT service,
       sum(requests)                                   AS requests,
       sum(errors)                                     AS errors,
       sumForEachIf(counts, length(le) > 0)            AS counts,
       anyIf(le, length(le) > 0)                       AS le,
       greatest(uniqExactIf(le, length(le) > 0), max(layouts)) AS layouts,
       min(mergeable)                                  AS mergeable,
       uniqExact(customer)                             AS customers
FROM slice_totals(from = ?, to = ?)
GROUP BY service
ORDER BY service
