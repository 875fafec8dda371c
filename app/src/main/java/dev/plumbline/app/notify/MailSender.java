package dev.plumbline.app.notify;

import dev.plumbline.app.config.SmtpProperties;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Attachment;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends an e-mail notification through the configured SMTP server (Jakarta Mail): its HTML body with the inline
 * images it shows as {@code cid:ID} (multipart/related) and its attached files (multipart/mixed around it), to the
 * notification's recipients (or else its destination's). The notification's id goes in {@value #ID_HEADER} and,
 * encoded, in the Message-ID, so a re-send carries the same ones. A 5xx reply, a refused address or a refused login is
 * permanent; a 4xx reply or a connection failure may pass.
 */
public final class MailSender implements Sender {

    /** The header that carries the notification's idempotency id. */
    public static final String ID_HEADER = "X-Plumbline-Notification";

    private final SmtpProperties smtp;
    private final Session session;

    public MailSender(SmtpProperties smtp) {
        this.smtp = smtp;
        this.session = smtp.configured() ? Session.getInstance(properties(smtp)) : null;
    }

    private static Properties properties(SmtpProperties smtp) {
        Properties p = new Properties();
        String millis = Long.toString(smtp.timeout().toMillis());
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.auth", Boolean.toString(smtp.username() != null));
        p.put("mail.smtp.ssl.enable", Boolean.toString(smtp.ssl()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls() != SmtpProperties.StartTls.OFF));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls() == SmtpProperties.StartTls.REQUIRED));
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        return p;
    }

    /** The Message-ID of notification {@code id}: the same for every send of it. */
    static String messageId(String id) {
        return "<" + Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8))
                + "@notification.plumbline>";
    }

    @Override
    public Attempt send(Notification notification, Destination destination) {
        if (session == null) {
            return Attempt.permanent(SmtpProperties.PREFIX + ".host: not configured, no e-mail can be sent");
        }
        List<String> to = !notification.recipients().isEmpty() ? notification.recipients()
                : destination == null ? List.of() : destination.recipients();
        if (to.isEmpty()) {
            return Attempt.permanent("recipients: the notification and its destination name no address");
        }
        try {
            MimeMessage message = message(notification, to);
            if (smtp.username() != null) {
                Transport.send(message, smtp.username(), smtp.password());
            } else {
                Transport.send(message);
            }
            return Attempt.sent();
        } catch (AddressException e) {
            return Attempt.permanent("recipients: " + e.getMessage());
        } catch (AuthenticationFailedException e) {
            return Attempt.permanent(SmtpProperties.PREFIX + ".username: the server refused the login: " + e.getMessage());
        } catch (MessagingException e) {
            int code = replyCode(e);
            String error = "SMTP " + (code > 0 ? code + " " : "") + e.getClass().getSimpleName() + ": " + e.getMessage();
            return code >= 500 ? Attempt.permanent(error) : Attempt.retry(error, null);
        }
    }

    private MimeMessage message(Notification n, List<String> to) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId(n.id()));
            }
        };
        message.setFrom(new InternetAddress(smtp.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to), true));
        message.setSubject(n.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader(ID_HEADER, n.id());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(n.body(), "UTF-8", "html");
        List<Attachment> inline = n.attachments().stream().filter(a -> !a.contentId().isEmpty()).toList();
        List<Attachment> files = n.attachments().stream().filter(a -> a.contentId().isEmpty()).toList();
        MimeMultipart related = null;
        if (!inline.isEmpty()) {
            related = new MimeMultipart("related");
            related.addBodyPart(html);
            for (Attachment image : inline) {
                MimeBodyPart part = part(image, MimeBodyPart.INLINE);
                part.setContentID("<" + image.contentId() + ">");
                related.addBodyPart(part);
            }
        }
        if (files.isEmpty() && related == null) {
            message.setText(n.body(), "UTF-8", "html");
        } else if (files.isEmpty()) {
            message.setContent(related);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            if (related == null) {
                mixed.addBodyPart(html);
            } else {
                MimeBodyPart wrapper = new MimeBodyPart();
                wrapper.setContent(related);
                mixed.addBodyPart(wrapper);
            }
            for (Attachment file : files) {
                mixed.addBodyPart(part(file, MimeBodyPart.ATTACHMENT));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(Attachment attachment, String disposition) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.contentType())));
        part.setFileName(attachment.name());
        part.setDisposition(disposition);
        part.setHeader("Content-Transfer-Encoding", "base64");   // bytes as they are, never a text's line ends
        return part;
    }

    /** The SMTP server's reply code in {@code e} or the exceptions it chains, or 0. */
    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
        }
        return 0;
    }
}
