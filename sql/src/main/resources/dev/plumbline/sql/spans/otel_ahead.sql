-- Request spans stamped at or after {after}: in a table read up to now, spans from hosts whose clocks run ahead.
SELECT count() AS spans
FROM {database:Identifier}.{table:Identifier}
WHERE Timestamp >= {after:DateTime64(9, 'UTC')}
  AND if({requests:String} = 'root', ParentSpanId = '', SpanKind IN ('SPAN_KIND_SERVER', 'Server'))
