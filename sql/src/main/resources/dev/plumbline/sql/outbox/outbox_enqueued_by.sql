-- The ids and creation times of what one origin (a trigger, a subscription, a fix) enqueued since an instant, oldest
-- first: how a trigger's evaluation finds a firing it enqueued just before a crash kept its state from being saved.
SELECT id, created_at
FROM notification_outbox FINAL
WHERE origin = {origin:String} AND origin_id = {origin_id:String} AND created_at >= {since:DateTime64(3, 'UTC')}
ORDER BY created_at, id
LIMIT {limit:UInt32}
