-- One token row (a new one, or a new version of it: ReplacingMergeTree keeps the latest updated_at).
INSERT INTO api_tokens (id, name, role, secret_hash, created_by, created_at, revoked_at, updated_at)
