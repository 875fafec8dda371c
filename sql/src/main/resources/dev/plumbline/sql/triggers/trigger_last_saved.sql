-- When a trigger's states were last saved (the evaluation instant of its newest state row), and how many it has.
SELECT max(evaluated_at) AS last_saved, count() AS subjects
FROM trigger_state FINAL
WHERE trigger_id = {trigger_id:String}
