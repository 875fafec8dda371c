-- Per source, the share of the minutes of [from, to) it collected (with or without traffic).
-- params: from, to, from, to
SELECT source,
       sum(minutes)                                  AS minutes_collected,
       dateDiff('minute', toDateTime(?, 'UTC'), toDateTime(?, 'UTC')) AS minutes_in_period
FROM collection_coverage FINAL
WHERE hour >= ? AND hour < ?
GROUP BY source
ORDER BY source
