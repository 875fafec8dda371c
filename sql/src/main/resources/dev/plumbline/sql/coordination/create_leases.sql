-- The replicas' leases: one key per lease in ZooKeeper / ClickHouse Keeper, shared by every ClickHouse server of the
-- cluster that has this table (the same path: the database's name). Writes are linearizable; with
-- keeper_map_strict_mode an insert of an existing key fails and an update applies only if the row did not change
-- since it was read, so taking a lease is a compare-and-set. Not a migration: it needs a Keeper, a single node has none.
-- The statements on it retry Keeper twice, not ClickHouse's default 10 (26 s for a read with Keeper away, measured) or
-- 20 for an insert (142 s): a lease round fails within a second and the next round, a renew interval later, retries.
CREATE TABLE IF NOT EXISTS plumbline_leases
(
    lease      String,   -- what is leased: 'source/NAME', 'job/NAME', 'member/REPLICA', 'migrate'
    holder     String,   -- the replica holding it ('' once released)
    token      String,   -- unique to the holder's last write: a holder reads it back to know its write won
    expires_ms Int64     -- Unix milliseconds after which anyone may take it
)
ENGINE = KeeperMap(concat('/plumbline/', currentDatabase(), '/leases'))
PRIMARY KEY lease
