-- What was sent or is waiting to be, created in [from, to), newest first; of one origin unless origin is ''.
-- The attachments' bytes are left out (their names and types are kept).
SELECT id, created_at, channel, destination, recipients, subject, body, content_type, attachment_names, attachment_types,
       attachment_ids, arrayMap(a -> '', attachments) AS attachments, reason, origin, origin_id, state, attempts,
       next_attempt_at, last_error, sent_at
FROM notification_outbox FINAL
WHERE created_at >= {from:DateTime64(3, 'UTC')} AND created_at < {to:DateTime64(3, 'UTC')}
  AND ({origin:String} = '' OR origin = {origin:String})
ORDER BY created_at DESC, id
LIMIT {limit:UInt32}
