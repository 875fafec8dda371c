package dev.plumbline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.notify.Attempt.Outcome;
import dev.plumbline.sql.outbox.Notification.Channel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final HttpSender SENDER = new HttpSender(Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"200, SENT", "202, SENT", "204, SENT", "301, PERMANENT", "400, PERMANENT", "401, PERMANENT",
            "404, PERMANENT", "408, RETRY", "413, PERMANENT", "429, RETRY", "500, RETRY", "502, RETRY", "503, RETRY"})
    void an_answer_is_sent_retried_or_permanent_by_its_status(int status, Outcome outcome) {
        assertThat(SENDER.answer(status, "", null).outcome()).isEqualTo(outcome);
    }

    @Test
    void a_refusal_keeps_its_status_and_the_start_of_the_answer() {
        Attempt refused = SENDER.answer(400, "{\"error\":\n \"invalid label set\"}" + "x".repeat(1000), null);

        assertThat(refused.error()).startsWith("HTTP 400: {\"error\": \"invalid label set\"}xxx").hasSizeLessThan(320);
    }

    @ParameterizedTest(name = "Retry-After ''{0}'' waits {1} s")
    @CsvSource(delimiter = '|', textBlock = """
            120                           | 120
            0                             | 0
            Fri, 20 Nov 2026 12:05:00 GMT | 300
            Fri, 20 Nov 2026 11:00:00 GMT | 0
            """)
    void retry_after_is_read_as_seconds_or_an_http_date(String header, long seconds) {
        assertThat(SENDER.answer(503, "", header).retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void an_unreadable_retry_after_leaves_the_wait_to_the_backoff() {
        assertThat(SENDER.answer(429, "", "soon").retryAfter()).isNull();
    }

    @Test
    void alerts_go_to_the_alertmanager_api_below_its_url_and_other_kinds_to_the_url_itself() {
        assertThat(HttpSender.target(new Destination("am", Channel.ALERTMANAGER, URI.create("http://am:9093/"), List.of(), null)))
                .isEqualTo(URI.create("http://am:9093/api/v2/alerts"));
        assertThat(HttpSender.target(new Destination("am", Channel.ALERTMANAGER, URI.create("http://h/alertmanager"), List.of(), null)))
                .isEqualTo(URI.create("http://h/alertmanager/api/v2/alerts"));
        assertThat(HttpSender.target(new Destination("hook", Channel.WEBHOOK, URI.create("http://h/hook?x=1"), List.of(), null)))
                .isEqualTo(URI.create("http://h/hook?x=1"));
    }
}
