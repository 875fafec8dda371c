INSERT INTO alert_policies (service, objective, row_version, saved_at, saved_by, name, description, rule_names, severities,
                            long_window_minutes, short_window_minutes, factors, for_minutes, keep_firing_minutes,
                            min_requests)
