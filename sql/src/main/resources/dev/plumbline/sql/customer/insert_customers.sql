-- params: id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
--         effective_from, updated_at
INSERT INTO customers (id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date,
                       data_volume_gb, effective_from, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
