-- The subscriptions not deleted, in their latest version; all of them when username is '', else those of the user
-- (audience 'user'). Oldest first.
SELECT id, kind, schedule, zone, audience, username, role, addresses, address_roles, created_by, created_at, enabled
FROM digest_subscriptions FINAL
WHERE NOT deleted AND ({username:String} = '' OR (audience = 'user' AND username = {username:String}))
ORDER BY created_at, id
