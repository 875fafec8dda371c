package dev.plumbline.sql.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryMinute;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backtest as the API runs it: which incidents count for the whole service and for one customer, and that the
 * minutes are read from the longest window before the start.
 */
@ExtendWith(ClickHouseExtension.class)
class AlertBacktestsTest {

    private static final Instant DAY = Instant.parse("2026-06-10T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(DAY.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    private static final Objective AVAILABILITY = new Objective("search", "availability", Indicator.AVAILABILITY, 0.99,
            null, ObjectiveWindow.rolling(30));
    private static AlertBacktests backtests;

    @BeforeAll
    static void plant(TestDatabase db) {
        List<TelemetryMinute> minutes = new ArrayList<>();
        for (int m = 0; m < 24 * 60; m++) {
            Instant t = DAY.plus(m, ChronoUnit.MINUTES);
            minutes.add(new TelemetryMinute("search", "acme", "prometheus", t, 100, 0, List.of(), List.of(), true));
            minutes.add(new TelemetryMinute("search", "globex", "prometheus", t, 100, 0, List.of(), List.of(), true));
        }
        new TelemetryStore(db.migrate().clickHouse(), CLOCK).insert(minutes);
        new RollupStore(db.clickHouse(), CLOCK).rollUpHours(DAY, DAY.plus(Duration.ofDays(1)));
        AnnotationStore annotations = new AnnotationStore(db.clickHouse(), CLOCK);
        annotations.insert(List.of(
                annotation("search", "", AnnotationKind.INCIDENT, "search degraded", 10),
                annotation("search", "acme", AnnotationKind.INCIDENT, "acme cannot search", 14),
                annotation("billing", "", AnnotationKind.INCIDENT, "billing down", 16),
                annotation("search", "", AnnotationKind.DEPLOY, "search 4.2", 18)));
        backtests = new AlertBacktests(new AlertHistoryStore(db.clickHouse(), TestDatabase.SCHEMA, CLOCK), annotations);
    }

    private static Annotation annotation(String service, String customer, AnnotationKind kind, String text, int hour) {
        Instant start = DAY.plus(hour, ChronoUnit.HOURS);
        return new Annotation(UUID.randomUUID(), start, start.plus(Duration.ofMinutes(30)), service, customer, kind, text, "");
    }

    private static AlertBacktests.Result run(AlertSlice slice) {
        return backtests.run(new AlertBacktests.Request(AVAILABILITY, slice, DAY.plus(Duration.ofHours(6)),
                DAY.plus(Duration.ofDays(1)), List.of(Presets.singleWindow(Duration.ofHours(2), 10, Duration.ZERO),
                Presets.singleWindow(Duration.ofHours(1), 5, Duration.ZERO)), null));
    }

    @Test
    void the_whole_service_counts_the_incidents_about_the_whole_service_only() {
        AlertBacktests.Result result = run(AlertSlice.SERVICE);

        assertThat(result.incidents()).extracting(BadEpisodes.Incident::text).containsExactly("search degraded");
        assertThat(result.episodes()).extracting(BadEpisode::text).containsExactly("search degraded");
        assertThat(result.reports()).hasSize(2);
    }

    @Test
    void a_customer_counts_the_incidents_about_the_whole_service_and_about_itself() {
        assertThat(run(new AlertSlice("acme", "")).incidents()).extracting(BadEpisodes.Incident::text)
                .containsExactly("search degraded", "acme cannot search");
        assertThat(run(new AlertSlice("globex", "")).incidents()).extracting(BadEpisodes.Incident::text)
                .containsExactly("search degraded");
    }

    @Test
    void the_minutes_start_the_longest_window_before_the_first_evaluation() {
        AlertBacktests.Result result = run(AlertSlice.SERVICE);

        assertThat(result.history().counts().start()).isEqualTo(DAY.plus(Duration.ofHours(4)));
        assertThat(result.history().counts().total(0)).isEqualTo(200);
    }
}
