-- Test oracle: the documented rules computed directly over otel_traces, per service, customer and minute: server
-- spans with a customer, each standing for its adjusted count when that is a number of at least 1 (else 1).
SELECT ServiceName AS service, SpanAttributes['customer.id'] AS customer, toStartOfMinute(Timestamp) AS minute,
       sum(w) AS requests,
       sumIf(w, StatusCode IN ('STATUS_CODE_ERROR', 'Error')) AS errors,
       sumIf(w, Duration <= {threshold_ns:UInt64}) AS within
FROM (SELECT *, greatest(1., toFloat64OrZero(SpanAttributes['sampling.adjusted_count'])) AS w
      FROM otel_traces
      WHERE SpanKind IN ('SPAN_KIND_SERVER', 'Server') AND SpanAttributes['customer.id'] != ''
        AND Timestamp >= {from:DateTime64(9)} AND Timestamp < {to:DateTime64(9)})
GROUP BY service, customer, minute
