-- params: kind, source, mapping, updated_at
INSERT INTO import_mappings (kind, source, mapping, updated_at) VALUES (?, ?, ?, ?)
