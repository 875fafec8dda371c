-- The saved mapping of one source.
SELECT mapping FROM import_mappings FINAL WHERE kind = {kind:String} AND source = {source:String}
