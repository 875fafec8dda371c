-- Per source, the share of the minutes of [from, to) it collected (with or without traffic).
SELECT source,
       sum(minutes)                                  AS minutes_collected,
       dateDiff('minute', {from:DateTime('UTC')}, {to:DateTime('UTC')}) AS minutes_in_period
FROM collection_coverage FINAL
WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
GROUP BY source
ORDER BY source
