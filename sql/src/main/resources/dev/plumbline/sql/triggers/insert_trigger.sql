INSERT INTO triggers (id, row_version, saved_at, saved_by, is_deleted, name, figure, service, window_minutes, comparison,
                      threshold, customer_ids, segment, arr_above, renewing_within_days, destination, owner,
                      cooldown_minutes, only_once, enabled, include_money, label_names, label_values)
