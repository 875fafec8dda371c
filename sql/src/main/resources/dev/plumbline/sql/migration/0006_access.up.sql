-- Who may sign in, with which roles. password_hash is a bcrypt hash; disabled users cannot sign in.
CREATE TABLE IF NOT EXISTS users {{ON_CLUSTER}}
(
    username      String,
    display_name  String,
    roles         Array(LowCardinality(String)),
    password_hash String,
    disabled      Bool DEFAULT false,
    created_at    DateTime64(3, 'UTC'),
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(updated_at)
ORDER BY username;

-- API tokens for scripts and CI, each scoped to one role. Only the SHA-256 of the token's secret part is stored.
CREATE TABLE IF NOT EXISTS api_tokens {{ON_CLUSTER}}
(
    id          String,
    name        String,
    role        LowCardinality(String),
    secret_hash String,
    created_by  String,
    created_at  DateTime64(3, 'UTC'),
    revoked_at  Nullable(DateTime64(3, 'UTC')),
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(updated_at)
ORDER BY id
