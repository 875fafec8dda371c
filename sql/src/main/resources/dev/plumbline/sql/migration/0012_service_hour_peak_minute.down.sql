ALTER TABLE service_hour {{ON_CLUSTER}} DROP COLUMN IF EXISTS peak_minute_requests
