package dev.plumbline.sql.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against the test ClickHouse, whose server config points at the test ZooKeeper (bin/test starts both). */
@ExtendWith(ClickHouseExtension.class)
class LeaseStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static LeaseStore store;

    @BeforeAll
    static void setUp(TestDatabase db) {
        store = new LeaseStore(db.clickHouse());
        store.create();
        store.create();   // again: a no-op
    }

    private static Optional<Lease> stored(String name) {
        return Optional.ofNullable(store.all().get(name));
    }

    @Test
    void the_first_writer_of_a_new_lease_holds_it_and_a_second_create_loses() {
        store.tryTake("job/new", "a", "ta", NOW.plusSeconds(30), NOW, Optional.empty());
        store.tryTake("job/new", "b", "tb", NOW.plusSeconds(30), NOW, Optional.empty());   // lost: not an error

        assertThat(stored("job/new")).contains(new Lease("job/new", "a", "ta", NOW.plusSeconds(30)));
    }

    @Test
    void a_live_lease_is_renewed_by_its_holder_only_and_an_expired_one_is_taken_by_anyone() {
        store.tryTake("job/live", "a", "t1", NOW.plusSeconds(30), NOW, Optional.empty());
        Optional<Lease> known = stored("job/live");

        store.tryTake("job/live", "b", "t2", NOW.plusSeconds(40), NOW.plusSeconds(10), known);
        assertThat(stored("job/live").orElseThrow().holder()).isEqualTo("a");

        store.tryTake("job/live", "a", "t3", NOW.plusSeconds(60), NOW.plusSeconds(20), stored("job/live"));
        assertThat(stored("job/live")).contains(new Lease("job/live", "a", "t3", NOW.plusSeconds(60)));

        store.tryTake("job/live", "b", "t4", NOW.plusSeconds(90), NOW.plusSeconds(60), stored("job/live"));   // expired at 60
        assertThat(stored("job/live")).contains(new Lease("job/live", "b", "t4", NOW.plusSeconds(90)));
    }

    @Test
    void a_released_lease_is_free_at_once_and_only_its_holder_can_release_it() {
        store.tryTake("job/rel", "a", "t1", NOW.plusSeconds(30), NOW, Optional.empty());
        store.release("job/rel", "b");
        assertThat(stored("job/rel").orElseThrow().holder()).isEqualTo("a");

        store.release("job/rel", "a");
        Lease released = stored("job/rel").orElseThrow();
        assertThat(released.freeAt(NOW)).isTrue();

        store.tryTake("job/rel", "b", "t2", NOW.plusSeconds(30), NOW, Optional.of(released));
        assertThat(stored("job/rel").orElseThrow().holder()).isEqualTo("b");
    }

    /**
     * Eight replicas reach for the same free lease at once, twenty times; each reads back at once whether its write
     * won, as a replica does: every time exactly one believes it holds the lease.
     */
    @Test
    void of_replicas_racing_for_a_lease_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String name = "job/race-" + round;
                boolean fresh = round % 2 == 0;
                if (!fresh) {   // odd rounds race on an expired lease rather than a new one
                    store.tryTake(name, "old", "t-old", NOW.minusSeconds(1), NOW.minusSeconds(31), Optional.empty());
                }
                Optional<Lease> known = fresh ? Optional.empty() : stored(name);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> all = new ArrayList<>();
                for (int r = 0; r < 8; r++) {
                    String replica = "r" + r;
                    all.add(pool.submit(() -> {
                        go.await();
                        store.tryTake(name, replica, "t-" + replica, NOW.plusSeconds(30), NOW, known);
                        return LeaseStore.wonWith(store.all(), replica, "t-" + replica).contains(name);
                    }));
                }
                go.countDown();
                int believers = 0;
                for (Future<Boolean> f : all) {
                    believers += f.get() ? 1 : 0;
                }
                assertThat(believers).as(name).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
