INSERT INTO digest_subscriptions (id, row_version, kind, schedule, zone, audience, username, role, addresses,
                                  address_roles, created_by, created_at, enabled, deleted)
