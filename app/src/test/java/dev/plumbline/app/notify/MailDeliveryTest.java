package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.plumbline.app.config.DestinationProperties;
import dev.plumbline.app.config.RetryProperties;
import dev.plumbline.app.config.SmtpProperties;
import dev.plumbline.app.testing.MovableClock;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.Notification.Origin;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxEntry.State;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail notifications through the delivery worker to a real SMTP server (GreenMail), from a real outbox. */
@ExtendWith(ClickHouseExtension.class)
class MailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void an_address_list_needs_no_destination_and_a_destination_gives_its_addresses(TestDatabase db) throws Exception {
        TestDatabase database = db.migrate();
        database.clickHouse().execute(new NamedQuery("empty outbox", "TRUNCATE TABLE notification_outbox"));
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T12:00:00Z"));
        OutboxStore outbox = new OutboxStore(database.clickHouse(), clock);
        DeliveryWorker worker = new DeliveryWorker(outbox, new Destinations(List.of(new DestinationProperties(
                "executives", "email", null, List.of("board@example.com"), null))),
                new HttpSender(Duration.ofSeconds(5), clock),
                new MailSender(new SmtpProperties("127.0.0.1", SMTP.getSmtp().getPort(), null, null,
                        "plumbline@example.com", "off", false, Duration.ofSeconds(5))),
                new Backoff(new RetryProperties(Duration.ofSeconds(30), 2, Duration.ofMinutes(10), 5)), clock);
        outbox.enqueue(new Notification("digest:daily:2026-11-20:sre-list", Channel.EMAIL, "sre-list",
                List.of("oncall@example.com"), "What changed", "<p>2 new risks</p>", "text/html", List.of(),
                "subscription daily for the list sre-list", Origin.DIGEST, "daily"));
        outbox.enqueue(new Notification("digest:weekly:2026-11-16", Channel.EMAIL, "executives", List.of(),
                "Weekly summary", "<p>97%</p>", "text/html", List.of(), "subscription weekly", Origin.DIGEST, "weekly"));

        List<OutboxEntry> after = worker.deliverDue(10);

        assertThat(after).extracting(OutboxEntry::state).as(after.toString()).containsOnly(State.SENT);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(received).map(m -> subjectAndTo(m))).containsExactlyInAnyOrder(
                "What changed -> [oncall@example.com]", "Weekly summary -> [board@example.com]");
    }

    private static String subjectAndTo(MimeMessage m) {
        try {
            return m.getSubject() + " -> " + Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
