package dev.plumbline.sql.fixes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class FixStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final Snapshot SNAPSHOT = new Snapshot(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 20),
            120_000, 0.021, 55_000.5);
    private static final Hypothesis HYPOTHESIS = new Hypothesis(Hypothesis.Figure.ERROR_RATIO,
            Hypothesis.Comparison.BELOW, 0.001);
    private static FixStore store;

    @BeforeAll
    static void setUp(TestDatabase db) {
        store = new FixStore(db.migrate().clickHouse(), CLOCK);
    }

    private static FixStore.Plan plan(String service) {
        return new FixStore.Plan("Retry the payment gateway", service, "availability", List.of("big", "c2"), SNAPSHOT,
                "alice", LocalDate.of(2026, 12, 15), HYPOTHESIS);
    }

    @Test
    void a_tracked_fix_reads_back_as_planned_with_who_and_when() {
        TrackedFix fix = store.track(plan("checkout"), "pat");

        assertThat(fix.state()).isEqualTo(FixState.PLANNED);
        assertThat(fix.customers()).containsExactly("big", "c2");
        assertThat(fix.snapshot()).isEqualTo(SNAPSHOT);
        assertThat(fix.hypothesis()).isEqualTo(HYPOTHESIS);
        assertThat(fix.owner()).isEqualTo("alice");
        assertThat(fix.createdBy()).isEqualTo("pat");
        assertThat(fix.createdAt()).as("the application's clock").isEqualTo(CLOCK.instant());
        assertThat(fix.version()).isEqualTo(1);
        assertThat(fix.shippedAt()).isNull();
        assertThat(store.find(fix.id())).contains(fix);
    }

    @Test
    void marking_it_shipped_adds_a_version_with_the_ship_instant_and_the_deploy() {
        TrackedFix fix = store.track(plan("search"), "pat");
        UUID deploy = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-18T15:30:00Z");

        TrackedFix shipped = store.shipped(fix.id(), at, deploy, "sam").orElseThrow();

        assertThat(shipped.state()).isEqualTo(FixState.SHIPPED);
        assertThat(shipped.shippedAt()).isEqualTo(at);
        assertThat(shipped.deployAnnotation()).isEqualTo(deploy);
        assertThat(shipped.version()).isEqualTo(2);
        assertThat(shipped.updatedBy()).isEqualTo("sam");
        assertThat(shipped.createdBy()).as("kept from the first version").isEqualTo("pat");
        assertThat(shipped.shipDay()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(store.find(fix.id())).contains(shipped);
    }

    @Test
    void an_unknown_fix_is_not_found_and_marking_it_shipped_writes_nothing() {
        UUID unknown = UUID.randomUUID();

        assertThat(store.shipped(unknown, CLOCK.instant(), null, "sam")).isEmpty();
        assertThat(store.find(unknown)).isEmpty();
        assertThat(store.all()).noneMatch(f -> f.id().equals(unknown));
    }

    @Test
    void every_fix_is_listed_once_as_its_latest_version() {
        TrackedFix a = store.track(plan("catalog"), "pat");
        store.shipped(a.id(), Instant.parse("2026-11-01T00:00:00Z"), null, "sam");
        TrackedFix last = store.shipped(a.id(), Instant.parse("2026-11-02T00:00:00Z"), null, "sam").orElseThrow();

        List<TrackedFix> all = store.all().stream().filter(f -> f.id().equals(a.id())).toList();

        assertThat(all).containsExactly(last);
        assertThat(last.version()).isEqualTo(3);
        assertThat(last.deployAnnotation()).isNull();
    }
}
