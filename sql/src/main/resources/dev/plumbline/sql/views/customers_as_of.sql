-- customers_as_of(as_of): each customer's row in effect on a date (its newest row with effective_from <= as_of),
-- with its data-volume band ('' when the volume is unknown). The one definition of "the customers of a period" and
-- of the bands.
CREATE OR REPLACE VIEW customers_as_of {{ON_CLUSTER}} AS
SELECT id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
       data_volume_known,
       multiIf(NOT data_volume_known, '', data_volume_gb < 10, '<10 GB', data_volume_gb < 100, '10-100 GB',
               data_volume_gb < 1000, '100 GB-1 TB', data_volume_gb < 10000, '1-10 TB', '>=10 TB') AS volume_band,
       effective_from
FROM customers FINAL
WHERE effective_from <= {as_of:Date}
ORDER BY id, effective_from DESC
LIMIT 1 BY id
