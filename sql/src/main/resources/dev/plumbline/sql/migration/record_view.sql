-- One (re-)creation of a view from its definition.
INSERT INTO schema_views (name, checksum, applied_at)
