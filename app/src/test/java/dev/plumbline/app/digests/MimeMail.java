package dev.plumbline.app.digests;

import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Attachment;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * An e-mail notification as a MIME message, for the tests that hand digests to a real SMTP server (the delivery
 * worker does this in the application): multipart/mixed of a multipart/related (the HTML and its inline images,
 * each with its Content-ID) and the attached files.
 */
final class MimeMail {

    private MimeMail() {
    }

    static MimeMessage of(Session session, Notification n) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("plumbline@example.com"));
        for (String to : n.recipients()) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        }
        message.setSubject(n.subject(), "UTF-8");
        message.setHeader("Idempotency-Key", n.id());
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(n.body(), "UTF-8", "html");
        related.addBodyPart(html);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        mixed.addBodyPart(relatedPart);
        for (Attachment a : n.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
            part.setFileName(a.name());
            if (a.contentId().isEmpty()) {
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            } else {
                part.setContentID("<" + a.contentId() + ">");
                part.setDisposition(Part.INLINE);
                related.addBodyPart(part);
            }
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }
}
