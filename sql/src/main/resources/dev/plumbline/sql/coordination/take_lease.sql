-- Renews a lease this replica holds, or takes one that is released or expired; a no-op otherwise. In strict mode the
-- row is changed only if nobody changed it since this statement read it (else it fails): a compare-and-set.
ALTER TABLE plumbline_leases
UPDATE holder = {holder:String}, token = {token:String}, expires_ms = {expires_ms:Int64}
WHERE lease = {lease:String} AND (holder = {holder:String} OR holder = '' OR expires_ms <= {now_ms:Int64})
SETTINGS keeper_map_strict_mode = 1, keeper_max_retries = 2, keeper_retry_max_backoff_ms = 500
