-- psr_slices(from, to, day_from, day_to, hour_from, hour_to, edges, as_of, today, codes, rates, saturation,
-- horizon_days, multiplier): every slice of the period (read in parts: see slice_totals) with its figures against its
-- service's objectives and the ROI model (see README "ROI model"):
--   badness          = the worst burn over the service's objectives: error rate / (1 - availability target), or the
--                      share slower than a latency threshold / (1 - its target)
--   exposure         = the slice's requests / the customer's requests on all services
--   revenue_at_risk  = ARR (reporting currency) x exposure x min(1, max(0, badness - 1) / saturation)
--                      x (multiplier when the customer renews within horizon_days of today, else 1)
--   roi              = revenue_at_risk / the service's effort in engineer-weeks (1 when unknown)
-- The share slower than a threshold interpolates linearly inside the bucket holding the threshold (exact when the
-- threshold is a bucket bound); requests in the +Inf bucket count as slower. Customer rows are those in effect on
-- as_of; codes/rates convert ARR (rates: the value of one unit in the reporting currency).
-- latency_counts, latency_le, latency_layouts, latency_mergeable: the slice's histogram as slice_totals gives it (the
-- Explore page merges them per group, psr/explore_groups.sql); a query that takes every column leaves these arrays out
-- (SELECT * EXCEPT (...)), so that its windows and sorts do not carry them.
-- Written in stages (each SELECT uses only the columns of the one below it): an alias used within the SELECT that
-- defines it is expanded into every use, and chained aliases made the analysis alone take ~0.23 s per query.
CREATE OR REPLACE VIEW psr_slices {{ON_CLUSTER}} AS
WITH
    o AS (
        SELECT service,
               countIf(indicator = 'availability') > 0                           AS has_availability,
               maxIf(target, indicator = 'availability')                          AS availability_target,
               groupArrayIf(assumeNotNull(latency_threshold_ms), indicator = 'latency') AS latency_thresholds_ms,
               groupArrayIf(target, indicator = 'latency')                        AS latency_targets,
               groupArrayIf(name, indicator = 'latency')                          AS latency_names
        FROM objectives FINAL
        WHERE is_deleted = 0
        GROUP BY service),
    c AS (
        SELECT id, name, segment, region, plan, arr, currency, renewal_date, data_volume_gb, volume_band
        FROM customers_as_of(as_of = {as_of:Date})),
    sv AS (
        SELECT name, effort_weeks FROM services FINAL WHERE is_deleted = 0)
SELECT service, customer, customer_known, customer_name, segment, region, plan, data_volume_gb, volume_band,
       renewal_date, arr, currency, currency_known, arr_reporting, requests, latency_counts, latency_le,
       latency_layouts, latency_mergeable, errors, error_rate, minutes_with_data, has_objective, has_availability,
       availability_target, availability_badness, latency_state, lower_bounds, slow_shares, latency_badnesses,
       latency_badness, worst_latency_index, worst_latency_objective, worst_latency_threshold_ms, worst_latency_target,
       worst_slow_share, badness, worst_kind, exposure, saturated_badness, renews_soon, renewal_factor,
       revenue_at_risk, effort_weeks,
       revenue_at_risk / effort_weeks                                         AS roi
FROM (
SELECT *,
       toFloat64(arr_reporting) * exposure * saturated_badness * renewal_factor AS revenue_at_risk
FROM (
SELECT *,
       if(worst_latency_index > 0, latency_names[worst_latency_index], '')    AS worst_latency_objective,
       if(worst_latency_index > 0, latency_thresholds_ms[worst_latency_index], 0.) AS worst_latency_threshold_ms,
       if(worst_latency_index > 0, latency_targets[worst_latency_index], 0.)  AS worst_latency_target,
       if(worst_latency_index > 0, slow_shares[worst_latency_index], 0.)      AS worst_slow_share,
       multiIf(badness IS NULL, '', ifNull(availability_badness, -1.) >= ifNull(latency_badness, -1.), 'availability',
               'latency')                                                     AS worst_kind,
       least(1., greatest(0., ifNull(badness, 0.) - 1) / {saturation:Float64}) AS saturated_badness
FROM (
SELECT *,
       if(latency_badness IS NULL, 0, indexOf(latency_badnesses, latency_badness)) AS worst_latency_index,
       if(availability_badness IS NULL AND latency_badness IS NULL, NULL,
          greatest(ifNull(availability_badness, -1.), ifNull(latency_badness, -1.))) AS badness
FROM (
SELECT *,
       if(length(latency_badnesses) > 0, arrayMax(latency_badnesses), NULL)   AS latency_badness
FROM (
SELECT *,
       arrayMap((share, target) -> share / (1 - target), slow_shares,
                if(length(slow_shares) = 0, CAST([] AS Array(Float64)), latency_targets)) AS latency_badnesses
FROM (
SELECT *,
       if(has_availability AND requests > 0, error_rate / (1 - availability_target), NULL) AS availability_badness,
       if(latency_state = 'ok' AND arraySum(latency_counts) > 0,
          arrayMap(th -> arraySum(arrayMap((n, lo, hi) -> n * multiIf(hi <= th, 0., lo >= th, 1., isInfinite(hi), 1.,
                                                                      (hi - th) / (hi - lo)),
                                           latency_counts, lower_bounds, latency_le)) / arraySum(latency_counts),
                   arrayMap(ms -> ms / 1000., latency_thresholds_ms)),
          CAST([] AS Array(Float64)))                                         AS slow_shares,
       if(renews_soon, {multiplier:Float64}, 1.)                              AS renewal_factor
FROM (
SELECT t.service                                                              AS service,
       t.customer                                                             AS customer,
       c.id != ''                                                             AS customer_known,
       c.name                                                                 AS customer_name,
       c.segment                                                              AS segment,
       c.region                                                               AS region,
       c.plan                                                                 AS plan,
       c.data_volume_gb                                                       AS data_volume_gb,
       c.volume_band                                                          AS volume_band,
       c.renewal_date                                                         AS renewal_date,
       c.arr                                                                  AS arr,
       c.currency                                                             AS currency,
       has({codes:Array(String)}, c.currency)                                 AS currency_known,
       round(toDecimal128(c.arr, 2) * toDecimal128(transform(c.currency, {codes:Array(String)},
             {rates:Array(Float64)}, 0.), 6), 2)                              AS arr_reporting,
       t.requests                                                             AS requests,
       t.counts                                                               AS latency_counts,
       t.le                                                                   AS latency_le,
       t.layouts                                                              AS latency_layouts,
       t.mergeable                                                            AS latency_mergeable,
       t.errors                                                               AS errors,
       if(t.requests > 0, t.errors / t.requests, 0.)                          AS error_rate,
       t.minutes_with_data                                                    AS minutes_with_data,
       o.service != ''                                                        AS has_objective,
       o.has_availability                                                     AS has_availability,
       o.availability_target                                                  AS availability_target,
       o.latency_thresholds_ms                                                AS latency_thresholds_ms,
       o.latency_targets                                                      AS latency_targets,
       o.latency_names                                                        AS latency_names,
       multiIf(length(o.latency_targets) = 0, 'none', NOT t.mergeable, 'percentiles-only', length(t.le) = 0, 'no-histogram',
               t.layouts > 1, 'mixed-layouts', 'ok')                          AS latency_state,
       arrayPushFront(arrayPopBack(t.le), 0.)                                 AS lower_bounds,
       t.requests / sum(t.requests) OVER (PARTITION BY t.customer)            AS exposure,
       ifNull(c.renewal_date >= {today:Date} AND c.renewal_date <= {today:Date} + {horizon_days:Int32}, false) AS renews_soon,
       if(sv.name = '', 1., sv.effort_weeks)                                  AS effort_weeks
FROM slice_totals(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')},
                  day_from = {day_from:DateTime('UTC')}, day_to = {day_to:DateTime('UTC')},
                  month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                  hour_from = {hour_from:DateTime('UTC')}, hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool}) AS t
LEFT JOIN o ON o.service = t.service
LEFT JOIN c ON c.id = t.customer
LEFT JOIN sv ON sv.name = t.service
)))))))
