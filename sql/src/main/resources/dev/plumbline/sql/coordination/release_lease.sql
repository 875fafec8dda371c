-- Gives a lease up so that another replica may take it at once (only if this replica still holds it).
ALTER TABLE plumbline_leases
UPDATE holder = '', token = '', expires_ms = 0
WHERE lease = {lease:String} AND holder = {holder:String}
SETTINGS keeper_map_strict_mode = 1, keeper_max_retries = 2, keeper_retry_max_backoff_ms = 500
