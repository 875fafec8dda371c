-- Customer rows by (id, effective_from); a new version of a row replaces it.
INSERT INTO customers (id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date,
                       data_volume_gb, effective_from, updated_at)
