package dev.plumbline.app.digests;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.plumbline.app.config.SmtpProperties;
import dev.plumbline.app.notify.Attempt;
import dev.plumbline.app.notify.MailSender;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Digests enqueued by send-now, rendered as MIME with Jakarta Mail and received by a real SMTP server (GreenMail):
 * recipients, subject, the HTML, the inline chart, the PDF attached, and no money for an engineer.
 */
@ExtendWith(ClickHouseExtension.class)
class DigestMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of("plumbline.digests.enabled", false));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Subscribes {@code user} to {@code kind} at {@code address}, sends it now, and delivers the mail to GreenMail. */
    private static MimeMessage received(String user, String kind, String address) throws Exception {
        HttpResponse<String> created = app.send("POST", "/api/v1/subscriptions", "{\"kind\":\"" + kind + "\",\"zone\":"
                + "\"Europe/Berlin\",\"addresses\":[{\"address\":\"" + address + "\"}]}", RunningApp.basic(user));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = app.json(created.body(), Map.class).get("id").toString();
        HttpResponse<String> sent = app.send("POST", "/api/v1/subscriptions/" + id + "/send-now", null,
                RunningApp.basic(user));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        Notification n = app.bean(OutboxStore.class).find(app.json(sent.body(), Map.class).get("id").toString())
                .orElseThrow().notification();
        SmtpProperties smtp = new SmtpProperties("127.0.0.1", SMTP.getSmtp().getPort(), null, null,
                "Plumbline <plumbline@example.com>", "off", false, Duration.ofSeconds(10));
        assertThat(new MailSender(smtp).send(n, null)).as("sent by the delivery's own sender").isEqualTo(Attempt.sent());
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> header(m, MailSender.ID_HEADER).equals(n.id()))
                .findFirst().orElseThrow();
    }

    private static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? "" : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> out = new ArrayList<>();
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                out.addAll(leaves(child));
            }
        } else {
            out.add(part);
        }
        return out;
    }

    private static String html(MimeMessage m) throws Exception {
        return leaves(m).stream().filter(p -> type(p).startsWith("text/html")).findFirst().orElseThrow()
                .getContent().toString();
    }

    private static String type(Part p) {
        try {
            return p.getContentType().toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(MimeMessage m, String name) throws Exception {
        Part pdf = leaves(m).stream().filter(p -> type(p).startsWith("application/pdf")).findFirst().orElseThrow();
        assertThat(pdf.getFileName()).isEqualTo(name);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        try (InputStream in = pdf.getInputStream(); var doc = Loader.loadPDF(in.readAllBytes())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void the_monthly_review_arrives_with_octobers_pdf_with_money_for_an_exec_and_none_for_an_engineer() throws Exception {
        MimeMessage exec = received("exec", "monthly-psr-review", "cfo@example.com");
        MimeMessage engineer = received("engineer", "monthly-psr-review", "sre@example.com");

        assertThat(exec.getAllRecipients()).extracting(Object::toString).containsExactly("cfo@example.com");
        assertThat(exec.getSubject()).isEqualTo("Plumbline PSR review, 2026-10");
        assertThat(pdfText(exec, "psr-review-2026-10.pdf")).contains("Revenue at risk", "$");
        assertThat(Jsoup.parse(html(exec)).text()).contains("ARR inside objectives");

        assertThat(engineer.getAllRecipients()).extracting(Object::toString).containsExactly("sre@example.com");
        String engineerPdf = pdfText(engineer, "psr-review-2026-10.pdf");
        assertThat(engineerPdf).contains("billing", "search");
        DigestContentTest.assertNoMoney(engineerPdf);
        DigestContentTest.assertNoMoney(Jsoup.parse(html(engineer)).text());
    }

    @Test
    void the_weekly_summary_arrives_with_its_chart_inline_under_the_id_its_html_shows() throws Exception {
        MimeMessage mail = received("engineer", "weekly-executive-summary", "sre@example.com");

        String src = Jsoup.parse(html(mail)).select("img").attr("src");
        Part image = leaves(mail).stream().filter(p -> type(p).startsWith("image/png")).findFirst().orElseThrow();
        assertThat(src).isEqualTo("cid:" + ((jakarta.mail.internet.MimePart) image).getContentID().replaceAll("^<|>$", ""));
        try (InputStream in = image.getInputStream()) {
            assertThat(ImageIO.read(in).getWidth()).isEqualTo(ChartPng.WIDTH);
        }
        assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
        DigestContentTest.assertNoMoney(Jsoup.parse(html(mail)).text());
    }
}
