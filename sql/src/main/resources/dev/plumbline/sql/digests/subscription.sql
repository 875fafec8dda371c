-- One subscription in its latest version, unless deleted.
SELECT id, kind, schedule, zone, audience, username, role, addresses, address_roles, created_by, created_at, enabled
FROM digest_subscriptions FINAL
WHERE id = {id:String} AND NOT deleted
