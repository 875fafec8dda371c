-- The pending notifications whose next attempt is due at {now}, the longest waiting first.
SELECT id, created_at, channel, destination, recipients, subject, body, content_type, attachment_names, attachment_types,
       attachment_ids, attachments, reason, origin, origin_id, state, attempts, next_attempt_at, last_error, sent_at
FROM notification_outbox FINAL
WHERE state = 'pending' AND next_attempt_at <= {now:DateTime64(3, 'UTC')}
ORDER BY next_attempt_at, id
LIMIT {limit:UInt32}
