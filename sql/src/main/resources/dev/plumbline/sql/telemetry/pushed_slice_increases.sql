-- A pushed source's increases in the minutes of [from, to), summed over the series of each slice, kind and bucket
-- bound: what MinuteAssembler turns into telemetry_minute rows, as it does a range query's sums.
SELECT service, customer, kind, le, minute, sum(increase) AS increase
FROM pushed_series_minute FINAL
WHERE source = {source:String} AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
GROUP BY service, customer, kind, le, minute
