-- Annotations (created_at is the row version).
INSERT INTO annotations (id, starts_at, ends_at, service, customer, kind, text, link, created_at)
