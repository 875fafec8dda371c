-- The request spans of [from, to) in SigNoz's signoz_traces.signoz_index_v3 (or its distributed_ table), per minute
-- of their start, service and customer: the same columns as otel_minutes.sql. SigNoz keeps the OTLP enums as
-- numbers (kind 2 is a server span; status_code 0 unset, 1 ok, 2 error) and numeric attributes apart
-- (attributes_number): a customer, weight or HTTP status given as a number is read from there. Every query bounds
-- ts_bucket_start (the 30-minute bucket of the timestamp) as SigNoz's own queries do, so whole buckets are skipped.
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
    SELECT serviceName                                                                           AS service,
           if({customer_in_resource:Bool}, resources_string[{customer_key:String}],
              if(mapContains(attributes_number, {customer_key:String}),
                 toString(attributes_number[{customer_key:String}]),
                 attributes_string[{customer_key:String}]))                                      AS customer,
           toStartOfMinute(timestamp)                                                            AS minute,
           if({weight_in_resource:Bool}, resources_string[{weight_key:String}],
              if(mapContains(attributes_number, {weight_key:String}),
                 toString(attributes_number[{weight_key:String}]),
                 attributes_string[{weight_key:String}]))                                        AS weight_text,
           toFloat64OrZero(weight_text)                                                          AS weight_value,
           {sampling:String} = 'none' OR weight_text = ''                                        AS weight_absent,
           ({sampling:String} = 'adjusted-count' AND weight_value >= 1 AND isFinite(weight_value))
               OR ({sampling:String} = 'probability' AND weight_value > 0 AND weight_value <= 1)  AS weight_ok,
           if(weight_absent OR NOT weight_ok, 1.,
              if({sampling:String} = 'probability', 1. / weight_value, weight_value))            AS weight,
           NOT weight_absent AND NOT weight_ok                                                   AS weight_unreadable,
           toUInt16OrZero(if(mapContains(attributes_number, {http_status_key:String}),
                             toString(attributes_number[{http_status_key:String}]),
                             attributes_string[{http_status_key:String}]))                       AS http_status,
           {error_rule:String} = 'http-status' AND http_status = 0                               AS http_unreadable,
           if({error_rule:String} = 'http-status',
              http_status BETWEEN {http_error_min:UInt16} AND {http_error_max:UInt16},
              status_code = 2)                                                                   AS is_error,
           {error_rule:String} = 'status' AND status_code NOT IN (0, 1, 2)                       AS status_unknown,
           arrayFirstIndex(b -> duration_nano <= b, {bounds_ns:Array(UInt64)})                    AS first_bound,
           toUInt16(if(first_bound = 0, length({bounds_ns:Array(UInt64)}) + 1, first_bound))     AS bucket
    FROM {database:Identifier}.{table:Identifier}
    WHERE timestamp >= {from:DateTime64(9, 'UTC')} AND timestamp < {to:DateTime64(9, 'UTC')}
      AND ts_bucket_start >= toUInt64(toUnixTimestamp({from:DateTime64(9, 'UTC')})) - 1800
      AND ts_bucket_start <= toUInt64(toUnixTimestamp({to:DateTime64(9, 'UTC')}))
      AND if({requests:String} = 'root', parent_span_id = '', kind = 2)
)
GROUP BY service, customer, minute
