package dev.plumbline.sql.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class TelemetryStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(86400), java.time.ZoneOffset.UTC);
    private static final List<Double> LE = List.of(0.1, 0.5, Double.POSITIVE_INFINITY);
    private static TelemetryStore store;
    private static TestDatabase db;

    @BeforeAll
    static void setUp(TestDatabase database) {
        db = database.migrate();
        store = new TelemetryStore(db.clickHouse(), CLOCK);
        store.insert(List.of(
                minute("search", "acme", T0, 100, 2),
                minute("search", "acme", T0.plusSeconds(60), 50.5, 0),
                minute("search", "globex", T0, 10, 10),
                minute("search", "acme", T0.plusSeconds(3600), 999, 9)));
    }

    @Test
    void totals_add_the_minutes_of_each_slice_inside_the_range() {
        assertThat(store.sliceTotals(T0, T0.plusSeconds(3600))).containsExactly(
                new TelemetryStore.SliceTotals("search", "acme", 150.5, 2, 2),
                new TelemetryStore.SliceTotals("search", "globex", 10, 10, 1));
    }

    @Test
    void writing_a_minute_again_replaces_it_instead_of_doubling_it() {
        Instant t = T0.plusSeconds(7200);
        store.insert(List.of(minute("billing", "acme", t, 7, 1)));
        store.insert(List.of(minute("billing", "acme", t, 7, 1)));

        assertThat(store.sliceTotals(t, t.plusSeconds(60)))
                .containsExactly(new TelemetryStore.SliceTotals("billing", "acme", 7, 1, 1));
    }

    @Test
    void histogram_buckets_are_stored_as_written_including_infinity() {
        List<List<Double>> rows = db.clickHouse().query(new NamedQuery("buckets",
                "SELECT latency_le, latency_counts FROM telemetry_minute FINAL WHERE customer = 'globex'"),
                row -> List.of(row.getDoubles("latency_le"), row.getDoubles("latency_counts")))
                .stream().flatMap(List::stream).toList();
        assertThat(rows).containsExactly(LE, List.of(6.0, 3.0, 1.0));
    }

    @Test
    void every_column_round_trips_through_row_binary_including_unicode_and_empty_histograms() {
        Instant t = T0.plusSeconds(4 * 3600);
        store.insert(List.of(new TelemetryMinute("checkout", "Zürich AG — ü", "dd", t, 0.25, 0, List.of(), List.of(), false)));
        List<List<String>> rows = db.clickHouse().query(new NamedQuery("row", "SELECT customer, source, toString(minute), "
                + "requests, length(latency_le), mergeable FROM telemetry_minute FINAL WHERE service = 'checkout'"),
                r -> List.of(r.getString(1), r.getString(2), r.getString(3), Double.toString(r.getDouble(4)),
                        Integer.toString(r.getInt(5)), Boolean.toString(r.getBoolean(6))));
        assertThat(rows).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("Zürich AG — ü", "dd", "2026-11-01 14:00:00", "0.25", "0", "false");
    }

    @Test
    void a_server_that_cannot_be_reached_is_a_retryable_store_failure() {
        var down = dev.plumbline.sql.ClickHouse.connect(new dev.plumbline.sql.ConnectionSpec("http://127.0.0.1:1",
                "nowhere", "default", ""), 1, dev.plumbline.sql.QueryListener.NONE);
        try {
            assertThatThrownBy(() -> new TelemetryStore(down, CLOCK).insert(List.of(minute("s", "c", T0, 1, 0))))
                    .isInstanceOfSatisfying(dev.plumbline.sql.StoreException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).startsWith("query insert_telemetry_minutes failed: "
                                + "ClickHouse unreachable at http://127.0.0.1:1");
                    });
        } finally {
            down.close();
        }
    }

    @Test
    void a_server_error_is_a_store_failure_with_its_code() {
        var wrongDatabase = dev.plumbline.sql.ClickHouse.connect(db.spec().withDatabase("no_such_db"), 1,
                dev.plumbline.sql.QueryListener.NONE);
        try {
            assertThatThrownBy(() -> new TelemetryStore(wrongDatabase, CLOCK).insert(List.of(minute("s", "c", T0, 1, 0))))
                    .isInstanceOfSatisfying(dev.plumbline.sql.StoreException.class, e -> {
                        assertThat(e.code()).isEqualTo(81);   // UNKNOWN_DATABASE
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("HTTP 404");
                    });
        } finally {
            wrongDatabase.close();
        }
    }

    @Test
    void a_minute_that_is_not_whole_is_refused() {
        assertThatThrownBy(() -> minute("s", "c", T0.plusSeconds(1), 1, 0))
                .hasMessageEndingWith("not the start of a whole minute");
    }

    @Test
    void bucket_bounds_must_end_with_infinity() {
        assertThatThrownBy(() -> new TelemetryMinute("s", "c", "p", T0, 1, 0, List.of(0.1, 0.5), List.of(1.0, 0.0), true))
                .hasMessageEndingWith("the last bucket bound must be +Inf");
    }

    private static TelemetryMinute minute(String service, String customer, Instant at, double requests, double errors) {
        return new TelemetryMinute(service, customer, "prometheus", at, requests, errors, LE,
                List.of(requests * 0.6, requests * 0.3, requests * 0.1), true);
    }
}
