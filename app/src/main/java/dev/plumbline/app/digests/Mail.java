package dev.plumbline.app.digests;

import dev.plumbline.sql.outbox.Notification.Attachment;
import java.util.List;

/**
 * A digest as written, before it is addressed.
 *
 * @param subject     the subject line
 * @param html        the HTML body (an inline image as cid:ID)
 * @param attachments the chart (inline) or the PDF (attached)
 */
public record Mail(String subject, String html, List<Attachment> attachments) {

    public Mail {
        attachments = List.copyOf(attachments);
    }
}
