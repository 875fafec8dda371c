INSERT INTO notification_outbox (id, row_version, created_at, channel, destination, recipients, subject, body, content_type,
                                 attachment_names, attachment_types, attachment_ids, attachments, reason, origin,
                                 origin_id, state, attempts, next_attempt_at, last_error, sent_at)
