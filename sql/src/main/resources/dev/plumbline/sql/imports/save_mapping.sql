-- A saved column mapping of a source (a new version replaces the one before).
INSERT INTO import_mappings (kind, source, mapping, updated_at)
