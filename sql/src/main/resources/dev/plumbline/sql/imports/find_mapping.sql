-- params: kind, source
SELECT mapping FROM import_mappings FINAL WHERE kind = ? AND source = ?
