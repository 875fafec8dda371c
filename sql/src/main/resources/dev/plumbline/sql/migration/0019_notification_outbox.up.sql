-- The outbox: every notification Plumbline sends (a trigger's alert, a digest, a test message, a fix posted to a
-- tracker) is written here before it is sent, and its state changes are new row versions of the same id.
-- id is the notification's idempotency key, deterministic from its cause (the same cause enqueued twice is one row):
-- receivers are given it (payload and Idempotency-Key header) to drop the one re-send a crash between send and mark
-- can cause. state: pending (to send at next_attempt_at), sent (at sent_at), failed (given up after the attempts).
-- sent_at is the epoch while not sent. The attachments are parallel arrays, the files in base64; an attachment with
-- an id is an inline image the HTML body shows as cid:ID.
CREATE TABLE IF NOT EXISTS notification_outbox {{ON_CLUSTER}}
(
    id                   String,
    row_version          DateTime64(3, 'UTC'),
    created_at           DateTime64(3, 'UTC'),
    channel              LowCardinality(String),
    destination          String,
    recipients           Array(String),
    subject              String,
    body                 String,
    content_type         LowCardinality(String),
    attachment_names     Array(String),
    attachment_types     Array(String),
    attachment_ids       Array(String),
    attachments          Array(String),
    reason               String,
    origin               LowCardinality(String),
    origin_id            String,
    state                LowCardinality(String),
    attempts             UInt32,
    next_attempt_at      DateTime64(3, 'UTC'),
    last_error           String,
    sent_at              DateTime64(3, 'UTC')
)
ENGINE = {{REPLICATED}}ReplacingMergeTree(row_version)
ORDER BY id
