-- Every saved version of the triggers (of one trigger, unless id is ''), oldest first per trigger, numbered from 1;
-- a deletion is the version with is_deleted = 1.
SELECT id, row_version, saved_at, saved_by, is_deleted, name, figure, service, window_minutes, comparison, threshold,
       customer_ids, segment, arr_above, renewing_within_days, destination, owner, cooldown_minutes, only_once, enabled,
       include_money, label_names, label_values, row_number() OVER (PARTITION BY id ORDER BY row_version) AS version
FROM triggers FINAL
WHERE {id:String} = '' OR id = {id:String}
ORDER BY id, row_version
LIMIT 100000
