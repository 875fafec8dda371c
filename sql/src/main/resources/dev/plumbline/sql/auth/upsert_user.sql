-- One user row (a new one, or a new version of it: ReplacingMergeTree keeps the latest updated_at).
INSERT INTO users (username, display_name, roles, password_hash, disabled, created_at, updated_at)
