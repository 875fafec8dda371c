-- The latest state of each subject of a trigger, by subject.
SELECT subject, breaching, since, notified, last_fired_at, fired_count, value, evaluated_at
FROM trigger_state FINAL
WHERE trigger_id = {trigger_id:String}
ORDER BY subject
LIMIT 100000
