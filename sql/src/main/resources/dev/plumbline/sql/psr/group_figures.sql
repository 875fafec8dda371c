-- Per group of customers (segment, region, plan or data-volume band, chosen by the first parameter) and service:
-- requests, errors and the merged latency histogram for [from, to). Customers are taken as of as_of.
SELECT group_key, service, r AS requests, e AS errors, c AS counts, l AS le, n AS layouts, m AS mergeable,
       k AS customers
FROM (
    SELECT multiIf({group_by:String} = 'segment', g.segment, {group_by:String} = 'region', g.region,
                   {group_by:String} = 'plan', g.plan, g.volume_band) AS group_key,
           t.service                                                  AS service,
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
    LEFT JOIN customers_as_of(as_of = {as_of:Date}) AS g ON g.id = t.customer
    GROUP BY group_key, service)
ORDER BY group_key, service
