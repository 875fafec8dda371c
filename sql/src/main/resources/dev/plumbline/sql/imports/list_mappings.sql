-- Saved mappings of one kind, by source.
SELECT source, mapping FROM import_mappings FINAL WHERE kind = {kind:String} ORDER BY source
