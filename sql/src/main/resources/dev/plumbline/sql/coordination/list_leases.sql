-- Every lease, held, expired or released.
SELECT lease, holder, token, expires_ms FROM plumbline_leases ORDER BY lease
