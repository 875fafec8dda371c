-- Request spans stamped at or after {after}: in a table read up to now, spans from hosts whose clocks run ahead.
SELECT count() AS spans
FROM {database:Identifier}.{table:Identifier}
WHERE timestamp >= {after:DateTime64(9, 'UTC')}
  AND ts_bucket_start >= toUInt64(toUnixTimestamp({after:DateTime64(9, 'UTC')})) - 1800
  AND if({requests:String} = 'root', parent_span_id = '', kind = 2)
