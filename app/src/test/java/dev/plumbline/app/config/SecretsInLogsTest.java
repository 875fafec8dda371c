package dev.plumbline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.LogCapture;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets from the configuration never reach the log, at any level: each test captures what the process logs
 * (DEBUG and up) while the app starts and uses the secret, checks that the lines about it were logged (so the check
 * can fail) and that no line holds the secret.
 */
@ExtendWith(ClickHouseExtension.class)
class SecretsInLogsTest {

    @Test
    void the_clickhouse_password_is_not_logged_when_the_store_starts_and_fails() {
        try (LogCapture log = new LogCapture();
             ApplicationContext context = ApplicationContext.run(Map.of("plumbline.schema.migrate-on-start", false,
                     "plumbline.clickhouse.url", "http://127.0.0.1:9", "plumbline.clickhouse.password", "ch-s3cret-1"))) {
            assertThat(context.getBean(ClickHouse.class).ping()).isFalse();

            assertThat(log.lines()).anyMatch(l -> l.contains("ClickHouse: http://127.0.0.1:9 database plumbline"));
            assertThat(log.lines()).noneMatch(l -> l.contains("ch-s3cret-1"));
        }
    }

    @Test
    void source_credentials_and_passwords_are_not_logged_when_sources_fail(TestDatabase db) throws Exception {
        List<String> secrets = List.of("prom-s3cret-2", "dd-api-s3cret-3", "dd-app-s3cret-4", "admin-s3cret-5-long");
        try (LogCapture log = new LogCapture();
             RunningApp app = RunningApp.start(db, Map.of(
                     "plumbline.collectors.interval", "1h",
                     "plumbline.collectors.prometheus.prom.url", "http://127.0.0.1:9",
                     "plumbline.collectors.prometheus.prom.username", "scraper",
                     "plumbline.collectors.prometheus.prom.password", secrets.get(0),
                     "plumbline.collectors.datadog.dd.url", "http://127.0.0.1:9",
                     "plumbline.collectors.datadog.dd.api-key", secrets.get(1),
                     "plumbline.collectors.datadog.dd.app-key", secrets.get(2),
                     "plumbline.security.initial-admin-password", secrets.get(3)))) {
            log.await(l -> l.contains("source prom") && l.contains("failed"), Duration.ofSeconds(60));
            log.await(l -> l.contains("source dd") && l.contains("failed"), Duration.ofSeconds(60));

            for (String secret : secrets) {
                assertThat(log.lines()).as(secret).noneMatch(l -> l.contains(secret));
            }
        }
    }

    @Test
    void the_smtp_password_and_destination_authorizations_are_not_logged_when_deliveries_fail(TestDatabase db)
            throws Exception {
        List<String> secrets = List.of("smtp-s3cret-6", "Bearer hook-s3cret-7");
        try (LogCapture log = new LogCapture();
             RunningApp app = RunningApp.start(db, Map.of(
                     "plumbline.notify.delivery.interval", "50ms",
                     "plumbline.notify.retry.max-attempts", 1,
                     "plumbline.smtp.host", "127.0.0.1", "plumbline.smtp.port", 9,
                     "plumbline.smtp.username", "plumbline", "plumbline.smtp.password", secrets.get(0),
                     "plumbline.smtp.from", "plumbline@example.com",
                     "plumbline.notify.destinations.hook.kind", "webhook",
                     "plumbline.notify.destinations.hook.url", "http://127.0.0.1:9/hook",
                     "plumbline.notify.destinations.hook.authorization", secrets.get(1)))) {
            var outbox = app.bean(dev.plumbline.sql.outbox.OutboxStore.class);
            outbox.enqueue(new dev.plumbline.sql.outbox.Notification("secrets:mail",
                    dev.plumbline.sql.outbox.Notification.Channel.EMAIL, "", List.of("ceo@example.com"), "s", "<p/>",
                    "text/html", List.of(), "test", dev.plumbline.sql.outbox.Notification.Origin.TEST, "secrets"));
            outbox.enqueue(new dev.plumbline.sql.outbox.Notification("secrets:hook",
                    dev.plumbline.sql.outbox.Notification.Channel.WEBHOOK, "hook", List.of(), "s", "{}",
                    "application/json", List.of(), "test", dev.plumbline.sql.outbox.Notification.Origin.TEST, "secrets"));
            log.await(l -> l.contains("notification secrets:mail") && l.contains("given up"), Duration.ofSeconds(60));
            log.await(l -> l.contains("notification secrets:hook") && l.contains("given up"), Duration.ofSeconds(60));

            for (String secret : secrets) {
                assertThat(log.lines()).as(secret).noneMatch(l -> l.contains(secret) || l.contains("hook-s3cret-7"));
            }
        }
    }
}
