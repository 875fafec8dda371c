package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.plumbline.app.config.SmtpProperties;
import dev.plumbline.app.notify.Attempt.Outcome;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Attachment;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail through a real SMTP server in-process (GreenMail), read back part by part. */
class MailSenderTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("plumbline@example.com", "plumbline", "smtp-secret"));

    private static SmtpProperties smtp(int port, String password) {
        return new SmtpProperties("127.0.0.1", port, "plumbline", password, "Plumbline <plumbline@example.com>",
                "off", false, Duration.ofSeconds(5));
    }

    private static MailSender sender() {
        return new MailSender(smtp(SMTP.getSmtp().getPort(), "smtp-secret"));
    }

    private static Notification review(List<String> recipients, List<Attachment> attachments) {
        return new Notification("digest:monthly-review:2026-11", Channel.EMAIL, "executives", recipients,
                "PSR review — October 2026", "<h1>Review</h1><p>Revenue at risk: $12,400</p><img src=\"cid:burn-chart\">",
                "text/html", attachments, "subscription monthly-review", Origin.DIGEST, "monthly-review");
    }

    @Test
    void an_html_mail_arrives_with_its_inline_image_its_pdf_and_the_idempotency_id() throws Exception {
        Notification n = review(List.of("ceo@example.com", "cfo@example.com"), List.of(
                Attachment.inline("burn-chart", "burn.png", "image/png", PNG),
                Attachment.file("review-2026-10.pdf", "application/pdf", PDF)));

        Attempt attempt = sender().send(n, null);

        assertThat(attempt.outcome()).as(attempt.error()).isEqualTo(Outcome.SENT);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("one copy per recipient").hasSize(2);
        MimeMessage mail = received[0];
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactly("ceo@example.com", "cfo@example.com");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Plumbline <plumbline@example.com>");
        assertThat(mail.getSubject()).isEqualTo("PSR review — October 2026");
        assertThat(mail.getHeader(MailSender.ID_HEADER)).containsExactly("digest:monthly-review:2026-11");
        assertThat(mail.getMessageID()).isEqualTo(MailSender.messageId("digest:monthly-review:2026-11"));

        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/related");
        MimeMultipart related = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(related.getCount()).isEqualTo(2);
        assertThat(related.getBodyPart(0).getContentType()).startsWith("text/html");
        assertThat(related.getBodyPart(0).getContent()).isEqualTo(n.body());
        BodyPart image = related.getBodyPart(1);
        assertThat(image.getContentType()).startsWith("image/png");
        assertThat(image.getHeader("Content-ID")).containsExactly("<burn-chart>");
        assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(bytes(image)).isEqualTo(PNG);
        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("review-2026-10.pdf");
        assertThat(bytes(pdf)).isEqualTo(PDF);
    }

    @Test
    void a_mail_without_attachments_is_plain_html_and_goes_to_its_destinations_addresses() throws Exception {
        Notification n = review(List.of(), List.of());
        Destination executives = new Destination("executives", Channel.EMAIL, null, List.of("board@example.com"), null);

        assertThat(sender().send(n, executives).outcome()).isEqualTo(Outcome.SENT);

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString)).containsExactly("board@example.com");
        assertThat(mail.getContentType()).startsWith("text/html");
        assertThat(mail.getContent()).isEqualTo(n.body());
    }

    @Test
    void a_refused_login_is_permanent_and_names_the_key() {
        Attempt attempt = new MailSender(smtp(SMTP.getSmtp().getPort(), "wrong")).send(review(List.of("ceo@example.com"), List.of()), null);

        assertThat(attempt.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(attempt.error()).startsWith("plumbline.smtp.username: the server refused the login");
        assertThat(attempt.error()).doesNotContain("wrong");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_server_that_does_not_answer_is_tried_again() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Attempt attempt = new MailSender(smtp(closed, "smtp-secret")).send(review(List.of("ceo@example.com"), List.of()), null);

        assertThat(attempt.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(attempt.error()).startsWith("SMTP MailConnectException");
    }

    @Test
    void without_an_smtp_server_an_email_fails_saying_which_key_is_missing() {
        MailSender unconfigured = new MailSender(new SmtpProperties(null, 587, null, null, null, "required", false,
                Duration.ofSeconds(5)));

        assertThat(unconfigured.send(review(List.of("ceo@example.com"), List.of()), null))
                .isEqualTo(Attempt.permanent("plumbline.smtp.host: not configured, no e-mail can be sent"));
    }

    @Test
    void the_password_never_shows_in_the_settings_printed() {
        assertThat(smtp(25, "smtp-secret").toString()).doesNotContain("smtp-secret").contains("password set");
    }

    private static byte[] bytes(Part part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.getInputStream().transferTo(out);
        return out.toByteArray();
    }
}
