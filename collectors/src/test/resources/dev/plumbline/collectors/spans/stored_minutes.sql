-- Test: per slice and minute of one source over [from, to), as Plumbline stored it: requests, errors, and the
-- requests within {threshold} seconds read from the stored buckets (exact only when the threshold is a bound).
SELECT service, customer, minute, requests, errors,
       arraySum(arrayMap((c, le) -> if(le <= {threshold:Float64}, c, 0), latency_counts, latency_le)) AS within
FROM telemetry_minute FINAL
WHERE source = {source:String} AND minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
