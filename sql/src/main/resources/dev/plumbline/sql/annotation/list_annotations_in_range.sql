-- Annotations overlapping a half-open range [from, to): they start before `to` and end (or, for a moment, start)
-- at or after `from`; each filter applies unless it is ''.
SELECT toString(id) AS id, starts_at, ends_at, service, customer, kind, text, link
FROM annotations FINAL
WHERE starts_at < {to:DateTime64(3, 'UTC')}
  AND (ends_at >= {from:DateTime64(3, 'UTC')} OR (ends_at IS NULL AND starts_at >= {from:DateTime64(3, 'UTC')}))
  AND ({service:String} = '' OR service = {service:String})
  AND ({customer:String} = '' OR customer = {customer:String})
  AND ({kind:String} = '' OR kind = {kind:String})
ORDER BY starts_at, id
LIMIT {limit:UInt32}
