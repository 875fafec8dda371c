-- Digest subscriptions (README, "Digests"): which digest (kind), when (schedule: a UNIX cron expression or
-- '@first-working-day HH:MM', in the recipient's IANA zone), to whom. audience: 'user' (username, their own address;
-- the user's roles at send time decide what the digest shows), 'role' (addresses, the digest as role sees it) or
-- 'list' (addresses, each with its role in address_roles: the digest as the least privileged of them sees it). A
-- change is a new row version of the same id; a deleted subscription keeps a row with deleted = true.
CREATE TABLE IF NOT EXISTS digest_subscriptions {{ON_CLUSTER}}
(
    id            String,
    row_version   DateTime64(3, 'UTC'),
    kind          LowCardinality(String),
    schedule      String,
    zone          String,
    audience      LowCardinality(String),
    username      String,
    role          String,
    addresses     Array(String),
    address_roles Array(String),
    created_by    String,
    created_at    DateTime64(3, 'UTC'),
    enabled       Bool,
    deleted       Bool
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(row_version)
ORDER BY id;

-- The last scheduled run of each subscription that was enqueued (its instant, and the outbox id it was enqueued
-- under): the scheduler enqueues the latest run after this one, then records it here.
CREATE TABLE IF NOT EXISTS digest_subscription_runs {{ON_CLUSTER}}
(
    subscription_id String,
    row_version     DateTime64(3, 'UTC'),
    last_run        DateTime64(3, 'UTC'),
    notification_id String
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(row_version)
ORDER BY subscription_id
