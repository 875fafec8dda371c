-- The busiest minute of each service hour (requests over all customers in that minute), recomputed with the hour
-- from the raw minutes: a period's peak throughput comes from minutes, not from the busiest hour's average. NULL for
-- hours written without their minutes (history older than the raw minutes' TTL, sources that deliver hours).
ALTER TABLE service_hour {{ON_CLUSTER}} ADD COLUMN IF NOT EXISTS peak_minute_requests Nullable(Float64) AFTER requests
