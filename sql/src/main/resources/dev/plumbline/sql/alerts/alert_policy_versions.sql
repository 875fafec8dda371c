-- Every saved version of the alert policies of a service (of one objective, unless objective is ''), oldest first
-- per objective, numbered from 1.
SELECT service, objective, row_version, saved_at, saved_by, name, description, rule_names, severities, long_window_minutes,
       short_window_minutes, factors, for_minutes, keep_firing_minutes, min_requests,
       row_number() OVER (PARTITION BY objective ORDER BY row_version) AS version
FROM alert_policies FINAL
WHERE service = {service:String} AND ({objective:String} = '' OR objective = {objective:String})
ORDER BY objective, row_version
