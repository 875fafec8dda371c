-- params: id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date, data_volume_gb,
--         data_volume_known, effective_from, updated_at (seats, active_users, renewal_date may be NULL: unknown)
INSERT INTO customers (id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date,
                       data_volume_gb, data_volume_known, effective_from, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
