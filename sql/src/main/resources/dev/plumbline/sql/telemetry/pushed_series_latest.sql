-- The latest minute of every series a source pushed since a moment: where each series' next push continues.
SELECT series, kind, service, customer, le, minute, increase, last_ms, last_value
FROM pushed_series_minute FINAL
WHERE source = {source:String} AND minute >= {since:DateTime('UTC')}
ORDER BY minute DESC
LIMIT 1 BY series, kind
