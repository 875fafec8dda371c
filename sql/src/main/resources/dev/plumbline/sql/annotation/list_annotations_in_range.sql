-- Annotations overlapping a half-open range [from, to): they start before `to` and end (or, for a moment, start)
-- at or after `from`; each filter applies unless it is ''. params: to, from, from, service, service, customer,
-- customer, kind, kind, limit
SELECT toString(id) AS id, starts_at, ends_at, service, customer, kind, text, link
FROM annotations FINAL
WHERE starts_at < ? AND (ends_at >= ? OR (ends_at IS NULL AND starts_at >= ?))
  AND (? = '' OR service = ?)
  AND (? = '' OR customer = ?)
  AND (? = '' OR kind = ?)
ORDER BY starts_at, id
LIMIT ?
