-- The request spans of [from, to) in an OpenTelemetry collector ClickHouse exporter table (otel_traces; also
-- ClickStack's), per minute of their start, service and customer. See SpanRules for every parameter.
--   requests  the spans' sampling weights summed (1 per span without sampling)
--   errors    the weights of those that failed by the error rule
--   bucket_*  the weights per latency bucket: bucket i (1-based) holds durations in (bounds[i-1], bounds[i]]; bucket
--             length(bounds) + 1 those above every bound
--   spans, unknown_status, bad_weight, bad_http_status: spans counted unweighted, for the source's status
-- A span without the service or the customer comes back with '' there: Plumbline counts and drops it.
-- SpanKind and StatusCode hold the exporter's text for the OTLP enums, in both spellings it has written
-- (SPAN_KIND_SERVER or Server; STATUS_CODE_ERROR or Error).
SELECT service, customer, minute,
       sum(weight)                 AS requests,
       sumIf(weight, is_error)     AS errors,
       sumMap([bucket], [weight])  AS buckets,
       buckets.1                   AS bucket_ids,
       buckets.2                   AS bucket_weights,
       count()                     AS spans,
       countIf(status_unknown)     AS unknown_status,
       countIf(weight_unreadable)  AS bad_weight,
       countIf(http_unreadable)    AS bad_http_status
FROM (
    SELECT ServiceName                                                                           AS service,
           if({customer_in_resource:Bool}, ResourceAttributes, SpanAttributes)[{customer_key:String}] AS customer,
           toStartOfMinute(Timestamp)                                                            AS minute,
           if({weight_in_resource:Bool}, ResourceAttributes, SpanAttributes)[{weight_key:String}]     AS weight_text,
           toFloat64OrZero(weight_text)                                                          AS weight_value,
           {sampling:String} = 'none' OR weight_text = ''                                        AS weight_absent,
           ({sampling:String} = 'adjusted-count' AND weight_value >= 1 AND isFinite(weight_value))
               OR ({sampling:String} = 'probability' AND weight_value > 0 AND weight_value <= 1)  AS weight_ok,
           if(weight_absent OR NOT weight_ok, 1.,
              if({sampling:String} = 'probability', 1. / weight_value, weight_value))            AS weight,
           NOT weight_absent AND NOT weight_ok                                                   AS weight_unreadable,
           toUInt16OrZero(SpanAttributes[{http_status_key:String}])                              AS http_status,
           {error_rule:String} = 'http-status' AND http_status = 0                               AS http_unreadable,
           if({error_rule:String} = 'http-status',
              http_status BETWEEN {http_error_min:UInt16} AND {http_error_max:UInt16},
              StatusCode IN ('STATUS_CODE_ERROR', 'Error'))                                      AS is_error,
           {error_rule:String} = 'status'
               AND StatusCode NOT IN ('STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR', 'Unset', 'Ok', 'Error')
                                                                                                 AS status_unknown,
           arrayFirstIndex(b -> Duration <= b, {bounds_ns:Array(UInt64)})                         AS first_bound,
           toUInt16(if(first_bound = 0, length({bounds_ns:Array(UInt64)}) + 1, first_bound))     AS bucket
    FROM {database:Identifier}.{table:Identifier}
    WHERE Timestamp >= {from:DateTime64(9, 'UTC')} AND Timestamp < {to:DateTime64(9, 'UTC')}
      AND if({requests:String} = 'root', ParentSpanId = '', SpanKind IN ('SPAN_KIND_SERVER', 'Server'))
)
GROUP BY service, customer, minute
