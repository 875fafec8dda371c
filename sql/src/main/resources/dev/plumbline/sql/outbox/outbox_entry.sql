-- One notification of the outbox, its latest state.
SELECT id, created_at, channel, destination, recipients, subject, body, content_type, attachment_names, attachment_types,
       attachment_ids, attachments, reason, origin, origin_id, state, attempts, next_attempt_at, last_error, sent_at
FROM notification_outbox FINAL
WHERE id = {id:String}
