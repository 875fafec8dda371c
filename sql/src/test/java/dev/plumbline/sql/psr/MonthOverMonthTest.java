package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthOverMonthTest {

    private static final Objective AVAILABILITY = new Objective("search", "availability", Indicator.AVAILABILITY, 0.999,
            null, ObjectiveWindow.rolling(30));

    private static Figures figures(String key, double requests, double errors, Double p95) {
        double rate = errors / requests;
        double burn = rate / 0.001;
        return new Figures(key, "search", requests, errors, rate, 1 - rate, p95 == null ? null : p95 / 2, p95,
                p95 == null ? null : p95 * 2, "", 1.0, null, null, null, 1,
                List.of(new ObjectiveResult(AVAILABILITY, rate, burn, burn / 30, burn <= 1, "")));
    }

    @Test
    void changes_are_differences_of_shares_and_seconds_and_a_relative_volume() {
        MonthOverMonth m = MonthOverMonth.of(figures("search", 1500, 3, 0.4), figures("search", 1000, 1, 0.5));

        assertThat(m.requestsChange()).isCloseTo(0.5, offset(1e-12));
        assertThat(m.errorRateChange()).isCloseTo(0.002 - 0.001, offset(1e-12));
        assertThat(m.availabilityChange()).isCloseTo(-0.001, offset(1e-12));
        assertThat(m.p95ChangeSeconds()).isCloseTo(-0.1, offset(1e-12));
        assertThat(m.p99ChangeSeconds()).isCloseTo(-0.2, offset(1e-12));
        assertThat(m.burnRateChanges()).singleElement().satisfies(d -> assertThat(d).isCloseTo(1.0, offset(1e-9)));
    }

    @Test
    void nothing_before_gives_no_changes_and_a_missing_percentile_no_latency_change() {
        MonthOverMonth fresh = MonthOverMonth.of(figures("search", 1500, 3, 0.4), null);
        MonthOverMonth noHistogram = MonthOverMonth.of(figures("search", 1500, 3, null), figures("search", 1000, 1, 0.5));

        assertThat(fresh.previous()).isNull();
        assertThat(fresh.requestsChange()).isNull();
        assertThat(fresh.errorRateChange()).isNull();
        assertThat(fresh.burnRateChanges()).containsExactly((Double) null);
        assertThat(noHistogram.p95ChangeSeconds()).isNull();
        assertThat(noHistogram.errorRateChange()).isNotNull();
    }

    @Test
    void pairing_goes_by_key() {
        List<MonthOverMonth> pairs = MonthOverMonth.pair(
                List.of(figures("a", 100, 1, 0.1), figures("b", 100, 1, 0.1)), List.of(figures("b", 50, 0, 0.1)));

        assertThat(pairs).extracting(p -> p.previous() == null ? null : p.previous().key()).containsExactly(null, "b");
        assertThat(pairs.get(1).requestsChange()).isCloseTo(1.0, offset(1e-12));
    }
}
