-- The latest version of each tracked fix (of one fix, unless id is ''), with how many versions it has, the most
-- recently tracked first.
SELECT f.id AS id, service, problem, customers, snapshot_from, snapshot_to, snapshot_requests, snapshot_value,
       snapshot_revenue, owner, target_date, hypothesis_figure, hypothesis_comparison, hypothesis_value, title, state,
       shipped_at, deploy_annotation, created_by, created_at, updated_by, updated_at, v.versions AS version
FROM tracked_fixes AS f FINAL
INNER JOIN (
    SELECT id, max(row_version) AS latest, toUInt32(count()) AS versions
    FROM tracked_fixes FINAL
    WHERE {id:String} = '' OR id = {id:String}
    GROUP BY id) AS v ON v.id = f.id AND v.latest = f.row_version
ORDER BY created_at DESC, id
