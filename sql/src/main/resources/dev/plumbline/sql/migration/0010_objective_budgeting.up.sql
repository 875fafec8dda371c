-- How an objective's error budget is counted (OpenSLO budgetingMethod): in requests ('occurrences', as before), or in
-- time slices of time_slice_minutes ('timeslices': a slice is good when its good share reaches time_slice_target;
-- 'ratio_timeslices': the average of the slices' good shares). And calendar windows of a quarter or a year (UTC)
-- next to the calendar month. Rows written before keep occurrences.
ALTER TABLE objectives {{ON_CLUSTER}}
    ADD COLUMN IF NOT EXISTS budgeting_method Enum8('occurrences' = 1, 'timeslices' = 2, 'ratio_timeslices' = 3)
        DEFAULT 'occurrences' AFTER window_days;

ALTER TABLE objectives {{ON_CLUSTER}}
    ADD COLUMN IF NOT EXISTS time_slice_minutes UInt16 DEFAULT 0 AFTER budgeting_method;

ALTER TABLE objectives {{ON_CLUSTER}}
    ADD COLUMN IF NOT EXISTS time_slice_target Nullable(Float64) AFTER time_slice_minutes;

ALTER TABLE objectives {{ON_CLUSTER}}
    MODIFY COLUMN window_kind Enum8('rolling' = 1, 'calendar_month' = 2, 'calendar_quarter' = 3, 'calendar_year' = 4)
