-- Takes a lease nobody has had yet: fails (Keeper: node exists) when another replica created it first.
INSERT INTO plumbline_leases (lease, holder, token, expires_ms)
SETTINGS keeper_map_strict_mode = 1, keeper_max_retries = 2, keeper_retry_max_backoff_ms = 500, insert_keeper_max_retries = 2, insert_keeper_retry_max_backoff_ms = 500
SELECT {lease:String}, {holder:String}, {token:String}, {expires_ms:Int64}
