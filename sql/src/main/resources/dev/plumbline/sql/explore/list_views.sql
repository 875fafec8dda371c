-- The saved views someone can open: their own and those shared by others (every view when everyone is true), not
-- deleted, by name. With id given, only that view.
SELECT id, name, owner, shared, figure, group_by, service, month, from_value, to_value, created_at, saved_at
FROM saved_views FINAL
WHERE is_deleted = 0
  AND ({everyone:Bool} OR owner = {user:String} OR shared)
  AND ({id:String} = '' OR id = {id:String})
ORDER BY lower(name), name, id
