-- Fails while an objective has a calendar quarter or year window: delete or change those first.
ALTER TABLE objectives {{ON_CLUSTER}}
    MODIFY COLUMN window_kind Enum8('rolling' = 1, 'calendar_month' = 2);

ALTER TABLE objectives {{ON_CLUSTER}} DROP COLUMN IF EXISTS time_slice_target;

ALTER TABLE objectives {{ON_CLUSTER}} DROP COLUMN IF EXISTS time_slice_minutes;

ALTER TABLE objectives {{ON_CLUSTER}} DROP COLUMN IF EXISTS budgeting_method
