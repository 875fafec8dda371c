-- One annotation by its id (none when there is no such annotation); the id is compared as text (the alias).
SELECT toString(id) AS id, starts_at, ends_at, service, customer, kind, text, link
FROM annotations FINAL
WHERE id = {id:String}   -- id: the toString alias above
LIMIT 1
