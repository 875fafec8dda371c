package dev.plumbline.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.config.ReplicaProperties;
import dev.plumbline.app.testing.MovableClock;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.coordination.LeaseStore;
import dev.plumbline.sql.testing.TestKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeper goes away in the middle of collection and comes back, for real: a ZooKeeper of the test's own is stopped and
 * restarted under a ClickHouse whose leases live in it. Two replicas share two sources. While Keeper is away their
 * rounds fail (fast: the lease statements retry Keeper twice) and say why; each goes on with its sources only until one
 * renew interval before its leases lapse, so that no replica works on a lease it may have lost, and no source is done
 * by two at any instant. Once Keeper is back, the next rounds give every source one replica again. The replicas'
 * clock is the test's: lease times are the test's instants, not the wall clock's.
 */
class ReplicasKeeperOutageTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration RENEW = Duration.ofSeconds(10);
    private static final List<String> WORKS = List.of("source/one", "source/two");

    @TempDir
    static Path folder;
    private static TestKeeper keeper;
    private static ClickHouse clickHouse;

    @BeforeAll
    static void start() {
        keeper = TestKeeper.start(folder);
        ConnectionSpec spec = new ConnectionSpec(keeper.clickHouseUrl(), "keeper_outage", null, null);
        ClickHouse.createDatabase(spec, "");
        clickHouse = ClickHouse.connect(spec, 2, QueryListener.NONE);
        new LeaseStore(clickHouse).create();
    }

    @AfterAll
    static void stop() {
        if (clickHouse != null) {
            clickHouse.close();
        }
        if (keeper != null) {
            keeper.close();
        }
    }

    private static Replicas replica(String id, MovableClock clock) {
        Replicas r = new Replicas(new ReplicaProperties("keeper-map", id, TTL, RENEW),
                Optional.of(new LeaseStore(clickHouse)), clock);
        WORKS.forEach(r::register);
        return r;
    }

    /** How many of the replicas do the work now; never more than one. */
    private static long doing(String work, Replicas... replicas) {
        long n = java.util.Arrays.stream(replicas).filter(r -> r.holds(work)).count();
        assertThat(n).as("replicas doing %s", work).isLessThanOrEqualTo(1);
        return n;
    }

    private static boolean settled(Replicas... replicas) {
        return java.util.Arrays.stream(replicas).allMatch(Replicas::joined)
                && WORKS.stream().allMatch(w -> doing(w, replicas) == 1)
                && java.util.Arrays.stream(replicas).allMatch(r -> r.held().size() == 1);
    }

    /** Rounds of both, a second apart, until every work has its one replica; false if 20 rounds do not get there. */
    private static boolean roundsUntilSettled(MovableClock clock, Replicas a, Replicas b) {
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            a.round();
            b.round();
            if (settled(a, b)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void while_keeper_is_away_no_replica_works_past_its_lease_and_after_it_every_source_has_one_again() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T12:00:00Z"));
        Replicas a = replica("a", clock);
        Replicas b = replica("b", clock);
        assertThat(roundsUntilSettled(clock, a, b)).as("two replicas share two sources").isTrue();
        List<String> heldByA = a.held();
        Instant lastRenewed = clock.instant();

        keeper.stopKeeper();
        clock.advance(Duration.ofSeconds(1));
        a.round();
        b.round();
        assertThat(a.status().lastError()).as("a's round without Keeper").contains("gets no answer from its Keeper");
        assertThat(b.status().lastError()).as("b's round without Keeper").contains("gets no answer from its Keeper");
        // a lease still live for longer than a renew interval: each goes on with what it had
        assertThat(a.held()).isEqualTo(heldByA);
        assertThat(settled(a, b)).isTrue();

        // one renew interval before the leases lapse, neither works on any source: either may have lost its lease
        clock.set(lastRenewed.plus(TTL).minus(RENEW));
        a.round();
        b.round();
        assertThat(a.held()).isEmpty();
        assertThat(b.held()).isEmpty();
        assertThat(a.joined()).isFalse();
        WORKS.forEach(w -> assertThat(doing(w, a, b)).isZero());

        keeper.startKeeper();
        assertThat(roundsUntilSettled(clock, a, b)).as("after Keeper is back, within 20 rounds").isTrue();
        assertThat(a.status().lastError()).isNull();
        assertThat(b.status().lastError()).isNull();
    }
}
