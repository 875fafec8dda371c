-- Per source, the share of the minutes of [from, to) it collected (with or without traffic): the whole hours from
-- what the collectors recorded per hour, and the minutes at either end that are not a whole hour (edges) from the
-- raw minutes the source stored there (a minute it collected with no traffic at all counts as not collected there).
SELECT source,
       sum(collected)                                                     AS minutes_collected,
       dateDiff('minute', {from:DateTime('UTC')}, {to:DateTime('UTC')})   AS minutes_in_period
FROM (
    SELECT source, toUInt64(minutes) AS collected
    FROM collection_coverage FINAL
    WHERE hour >= {hour_from:DateTime('UTC')} AND hour < {hour_to:DateTime('UTC')}
    UNION ALL
    SELECT source, uniqExact(minute) AS collected
    FROM telemetry_minute FINAL
    WHERE {edges:Bool}
      AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
      AND NOT (minute >= {hour_from:DateTime('UTC')} AND minute < {hour_to:DateTime('UTC')})
    GROUP BY source)
GROUP BY source
ORDER BY source
