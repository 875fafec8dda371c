-- Seats, active users and data volume that the CRM or billing export left empty stay unknown instead of becoming 0
-- (a customer with 0 seats is a fact; one whose seats nobody gave is not). seats and active_users become Nullable.
-- data_volume_gb stays a number (0 where unknown) because the PSR views band it and join customers without
-- join_use_nulls (a NULL would fall into the last band, '>=10 TB'); data_volume_known says whether it was given.
-- Rows stored before this migration keep what they were stored as: known values.
ALTER TABLE customers {{ON_CLUSTER}} MODIFY COLUMN seats Nullable(UInt32);
ALTER TABLE customers {{ON_CLUSTER}} MODIFY COLUMN active_users Nullable(UInt32);
ALTER TABLE customers {{ON_CLUSTER}} ADD COLUMN IF NOT EXISTS data_volume_known Bool DEFAULT true AFTER data_volume_gb
