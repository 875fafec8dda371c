-- Customer rows by (id, effective_from); a new version of a row replaces it. seats, active_users and renewal_date
-- may be NULL (unknown); data_volume_known says whether data_volume_gb was given.
INSERT INTO customers (id, name, segment, region, plan, arr, currency, seats, active_users, renewal_date,
                       data_volume_gb, data_volume_known, effective_from, updated_at)
