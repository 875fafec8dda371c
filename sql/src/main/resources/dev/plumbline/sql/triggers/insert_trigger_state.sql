INSERT INTO trigger_state (trigger_id, subject, row_version, breaching, since, notified, last_fired_at, fired_count,
                           value, evaluated_at)
