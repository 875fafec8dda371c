-- Per group of customers (segment, region, plan or data-volume band, chosen by the first parameter) and service:
-- requests, errors and the merged latency histogram for [from, to). Customers are taken as of as_of.
-- params: group_by, group_by, group_by, from, to, as_of
SELECT group_key, service, r AS requests, e AS errors, c AS counts, l AS le, n AS layouts, m AS mergeable,
       k AS customers
FROM (
    SELECT multiIf(? = 'segment', g.segment, ? = 'region', g.region, ? = 'plan', g.plan,
                   multiIf(g.data_volume_gb < 10, '<10 GB', g.data_volume_gb < 100, '10-100 GB',
                           g.data_volume_gb < 1000, '100 GB-1 TB', g.data_volume_gb < 10000, '1-10 TB', '>=10 TB')) AS group_key,
           t.service                                                  AS service,
           sum(t.requests)                                            AS r,
           sum(t.errors)                                              AS e,
           sumForEachIf(t.counts, length(t.le) > 0)                   AS c,
           anyIf(t.le, length(t.le) > 0)                              AS l,
           greatest(uniqExactIf(t.le, length(t.le) > 0), max(t.layouts)) AS n,
           min(t.mergeable)                                           AS m,
           uniqExact(t.customer)                                      AS k
    FROM slice_totals(from = ?, to = ?) AS t
    LEFT JOIN (
        SELECT id, segment, region, plan, data_volume_gb
        FROM customers FINAL
        WHERE effective_from <= ?
        ORDER BY id, effective_from DESC
        LIMIT 1 BY id) AS g ON g.id = t.customer
    GROUP BY group_key, service)
ORDER BY group_key, service
