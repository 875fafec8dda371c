-- One annotation by its id (none when there is no such annotation).
SELECT toString(id) AS id, starts_at, ends_at, service, customer, kind, text, link
FROM annotations FINAL
WHERE id = toUUID({id:String})
LIMIT 1
