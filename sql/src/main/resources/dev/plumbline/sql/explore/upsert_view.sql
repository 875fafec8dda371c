-- One saved view's row: a new view, a change, or its deletion (is_deleted = 1); the latest row_version is the view.
INSERT INTO saved_views (id, name, owner, shared, figure, group_by, service, month, from_value, to_value, created_at,
                         saved_at, is_deleted, row_version)
