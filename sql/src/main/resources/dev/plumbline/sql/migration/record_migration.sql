-- params: version, name, checksum, direction ('up' | 'down'), applied_at
INSERT INTO schema_migrations (version, name, checksum, direction, applied_at) VALUES (?, ?, ?, ?, ?)
