INSERT INTO tracked_fixes (id, row_version, service, problem, customers, snapshot_from, snapshot_to, snapshot_requests,
                           snapshot_value, snapshot_revenue, owner, target_date, hypothesis_figure,
                           hypothesis_comparison, hypothesis_value, title, state, shipped_at, deploy_annotation,
                           created_by, created_at, updated_by, updated_at)
