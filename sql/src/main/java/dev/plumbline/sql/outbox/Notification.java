package dev.plumbline.sql.outbox;

import java.util.List;
import java.util.Objects;

/**
 * A message to send, as the outbox keeps it.
 *
 * @param id          the idempotency key, deterministic from the cause (a trigger's crossing, a digest's run, a fix):
 *                    enqueueing the same id twice keeps one notification; receivers are given it to drop a re-send
 * @param channel     how it goes out
 * @param destination the configured destination's name (or the address list's name for e-mail)
 * @param recipients  the e-mail addresses, or empty for the other channels
 * @param subject     the e-mail subject, or the alert's one-line summary
 * @param body        the message as sent: the JSON payload, or the e-mail's HTML
 * @param contentType the body's media type
 * @param attachments the files sent with an e-mail: attached, or inline images its HTML shows as cid:ID
 * @param reason      why it is sent, in words a person reads in the history
 * @param origin      what made it
 * @param originId    which one of its origin (the trigger, subscription or fix id)
 */
public record Notification(String id, Channel channel, String destination, List<String> recipients, String subject,
                           String body, String contentType, List<Attachment> attachments, String reason, Origin origin,
                           String originId) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(origin, "origin");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: a notification needs its idempotency key");
        }
        recipients = List.copyOf(recipients);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        destination = Objects.requireNonNullElse(destination, "");
        subject = Objects.requireNonNullElse(subject, "");
        body = Objects.requireNonNullElse(body, "");
        contentType = Objects.requireNonNullElse(contentType, "");
        reason = Objects.requireNonNullElse(reason, "");
        originId = Objects.requireNonNullElse(originId, "");
    }

    /** How a notification goes out. */
    public enum Channel { ALERTMANAGER, WEBHOOK, SLACK, EMAIL, TRACKER }

    /** What made a notification. */
    public enum Origin { TRIGGER, DIGEST, FIX, TEST }

    /**
     * A file sent with an e-mail.
     *
     * @param name        its file name (review-2026-11.pdf)
     * @param contentType its media type
     * @param bytes       its content
     * @param contentId   "" for an attached file; otherwise an inline image the HTML body shows as cid:contentId
     */
    public record Attachment(String name, String contentType, byte[] bytes, String contentId) {

        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            bytes = bytes.clone();
            contentId = Objects.requireNonNullElse(contentId, "");
        }

        /** An attached file. */
        public static Attachment file(String name, String contentType, byte[] bytes) {
            return new Attachment(name, contentType, bytes, "");
        }

        /** An inline image the HTML body shows as {@code cid:contentId}. */
        public static Attachment inline(String contentId, String name, String contentType, byte[] bytes) {
            return new Attachment(name, contentType, bytes, contentId);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment a && a.name.equals(name) && a.contentType.equals(contentType)
                    && a.contentId.equals(contentId) && java.util.Arrays.equals(a.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, contentType, contentId, java.util.Arrays.hashCode(bytes));
        }

        @Override
        public String toString() {
            return "Attachment[" + name + ", " + contentType + ", " + bytes.length + " bytes" + (contentId.isEmpty() ? "" : ", cid:" + contentId) + "]";
        }
    }
}
