-- The values the ROI page's filters offer: every segment, region and plan of the customers as of the period's last
-- day, and every service of the catalog; one row per (field, value), sorted.
SELECT field, value
FROM (
    SELECT 'segment' AS field, segment AS value FROM customers_as_of(as_of = {as_of:Date}) WHERE segment != ''
    UNION ALL
    SELECT 'region' AS field, region AS value FROM customers_as_of(as_of = {as_of:Date}) WHERE region != ''
    UNION ALL
    SELECT 'plan' AS field, plan AS value FROM customers_as_of(as_of = {as_of:Date}) WHERE plan != ''
    UNION ALL
    SELECT 'service' AS field, name AS value FROM services FINAL WHERE is_deleted = 0)
GROUP BY field, value
ORDER BY field, value
