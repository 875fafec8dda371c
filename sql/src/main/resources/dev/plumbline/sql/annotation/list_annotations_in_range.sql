-- Annotations overlapping a half-open range [from, to): they start before `to` and end (or, for a moment, start)
-- at or after `from`. params: to, from, from
SELECT toString(id) AS id, starts_at, ends_at, service, customer, kind, text, link
FROM annotations FINAL
WHERE starts_at < ? AND (ends_at >= ? OR (ends_at IS NULL AND starts_at >= ?))
ORDER BY starts_at, id
