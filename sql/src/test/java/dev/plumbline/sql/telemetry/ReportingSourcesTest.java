package dev.plumbline.sql.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class ReportingSourcesTest {

    private static final Instant HOUR = Instant.parse("2026-11-19T08:00:00Z");
    private static final List<Double> BOUNDS = List.of(0.1, 0.3, 1.0, Double.POSITIVE_INFINITY);
    private static ReportingSources sources;

    private static TelemetryMinute minute(String source, Instant at, List<Double> le) {
        return new TelemetryMinute("search", "acme", source, at, 100, 1, le,
                le.isEmpty() ? List.of() : le.stream().map(b -> 25.0).toList(), true);
    }

    @BeforeAll
    static void plant(TestDatabase db) {
        ClickHouse clickHouse = db.migrate().clickHouse();
        Clock clock = Clock.fixed(HOUR.plus(3, ChronoUnit.HOURS), ZoneOffset.UTC);
        new TelemetryStore(clickHouse, clock).insert(List.of(
                minute("prom-old", HOUR, BOUNDS),
                minute("prom-new", HOUR.plus(2, ChronoUnit.HOURS), BOUNDS),
                minute("datadog", HOUR.plus(1, ChronoUnit.HOURS), List.of())));
        new RollupStore(clickHouse, clock).rollUpHours(HOUR, HOUR.plus(3, ChronoUnit.HOURS));
        sources = new ReportingSources(clickHouse);
    }

    @Test
    void the_sources_of_a_service_come_latest_first_with_the_bucket_bounds_of_their_histogram() {
        assertThat(sources.of("search", HOUR, HOUR.plus(3, ChronoUnit.HOURS))).containsExactly(
                new ReportingSources.Reporting("prom-new", HOUR.plus(2, ChronoUnit.HOURS), BOUNDS),
                new ReportingSources.Reporting("datadog", HOUR.plus(1, ChronoUnit.HOURS), List.of()),
                new ReportingSources.Reporting("prom-old", HOUR, BOUNDS));
    }

    @Test
    void only_hours_in_the_range_count_and_another_service_has_none() {
        assertThat(sources.of("search", HOUR.plus(1, ChronoUnit.HOURS), HOUR.plus(2, ChronoUnit.HOURS)))
                .extracting(ReportingSources.Reporting::source).containsExactly("datadog");
        assertThat(sources.of("checkout", HOUR, HOUR.plus(3, ChronoUnit.HOURS))).isEmpty();
    }
}
