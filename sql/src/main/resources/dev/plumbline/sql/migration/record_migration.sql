-- One step of the schema history: a migration applied (up) or undone (down).
INSERT INTO schema_migrations (version, name, checksum, direction, applied_at)
