-- Saved mappings of one kind, by source. params: kind
SELECT source, mapping FROM import_mappings FINAL WHERE kind = ? ORDER BY source
