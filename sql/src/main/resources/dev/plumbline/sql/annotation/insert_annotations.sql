-- params: id, starts_at, ends_at, service, customer, kind, text, link, created_at
INSERT INTO annotations (id, starts_at, ends_at, service, customer, kind, text, link, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
