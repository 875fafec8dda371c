-- The minutes of each hour of [from, to) in which a pushed source received a sample of any series.
SELECT toStartOfHour(minute) AS hour, uniqExact(minute) AS minutes
FROM pushed_series_minute
WHERE source = {source:String} AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
GROUP BY hour
ORDER BY hour
