-- Per group of customers (segment, region, plan or data-volume band, chosen by the first parameter) and service:
-- requests, errors and the merged latency histogram for [from, to). Customers are taken as of as_of.
-- params: group_by, group_by, group_by, from, to, as_of
SELECT multiIf(? = 'segment', c.segment, ? = 'region', c.region, ? = 'plan', c.plan,
               multiIf(c.data_volume_gb < 10, '<10 GB', c.data_volume_gb < 100, '10-100 GB',
                       c.data_volume_gb < 1000, '100 GB-1 TB', c.data_volume_gb < 10000, '1-10 TB', '>=10 TB')) AS group_key,
       t.service                                        AS service,
       sum(t.requests)                                  AS requests,
       sum(t.errors)                                    AS errors,
       sumForEachIf(t.counts, length(t.le) > 0)         AS counts,
       anyIf(t.le, length(t.le) > 0)                    AS le,
       greatest(uniqExactIf(t.le, length(t.le) > 0), max(t.layouts)) AS layouts,
       min(t.mergeable)                                 AS mergeable,
       uniqExact(t.customer)                            AS customers
FROM slice_totals(from = ?, to = ?) AS t
LEFT JOIN (
    SELECT id, segment, region, plan, data_volume_gb
    FROM customers FINAL
    WHERE effective_from <= ?
    ORDER BY id, effective_from DESC
    LIMIT 1 BY id) AS c ON c.id = t.customer
GROUP BY group_key, service
ORDER BY group_key, service
