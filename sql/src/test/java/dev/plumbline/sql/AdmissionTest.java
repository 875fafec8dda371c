package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admission control: a bounded number running, a bounded queue, a bounded wait, then a retryable refusal. */
@ExtendWith(ClickHouseExtension.class)
class AdmissionTest {

    @Test
    void statements_run_while_turns_are_free_and_one_more_is_refused_at_once_without_a_queue() {
        Admission admission = new Admission(2, 0, Duration.ofSeconds(30));
        try (Admission.Turn a = admission.enter("a"); Admission.Turn b = admission.enter("b")) {
            assertThat(admission.runningNow()).isEqualTo(2);

            StoreException refused = refusal(() -> admission.enter("c"));

            assertThat(refused.retryable()).isTrue();
            assertThat(refused.query()).isEqualTo("c");
            assertThat(refused.getMessage())
                    .isEqualTo("query c refused: the store is busy (2 statements running; the queue is full, 0 waiting)");
        }
        assertThat(admission.runningNow()).isZero();
        admission.enter("d").close();
    }

    @Test
    void a_waiting_statement_gets_the_turn_that_a_finished_one_frees() throws Exception {
        Admission admission = new Admission(1, 1, Duration.ofMinutes(1));
        Admission.Turn held = admission.enter("held");
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
            try (Admission.Turn turn = admission.enter("waiter")) {
                return admission.runningNow();
            }
        });
        awaitWaiting(admission, 1);
        assertThat(waiter).isNotDone();

        held.close();

        assertThat(waiter.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(admission.waitingNow()).isZero();
    }

    @Test
    void a_full_queue_refuses_at_once_and_the_queued_statement_still_runs() throws Exception {
        Admission admission = new Admission(1, 1, Duration.ofMinutes(1));
        Admission.Turn held = admission.enter("held");
        CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(() -> {
            admission.enter("queued").close();
            return true;
        });
        awaitWaiting(admission, 1);

        StoreException refused = refusal(() -> admission.enter("third"));
        assertThat(refused.getMessage()).endsWith("(1 statements running; the queue is full, 1 waiting)");

        held.close();
        assertThat(queued.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_statement_that_waits_its_whole_time_is_refused_and_leaves_the_queue() {
        Admission admission = new Admission(1, 5, Duration.ofMillis(50));
        try (Admission.Turn held = admission.enter("held")) {
            StoreException refused = refusal(() -> admission.enter("late"));

            assertThat(refused.retryable()).isTrue();
            assertThat(refused.getMessage()).endsWith("(1 statements running; no turn came within 50 ms)");
            assertThat(admission.waitingNow()).isZero();
        }
    }

    @Test
    void the_store_refuses_a_statement_it_has_no_turn_for_and_the_health_ping_goes_around_it(TestDatabase db) {
        NamedQuery one = new NamedQuery("x/one.sql", "SELECT 1 AS one");
        try (ClickHouse store = ClickHouse.connect(db.spec(), new Admission(1, 0, Duration.ZERO), QueryListener.NONE)) {
            Admission.Turn held = store.admission().enter("held");

            StoreException refused = refusal(() -> store.query(one, r -> r.getInt("one")));
            assertThat(refused.retryable()).isTrue();
            assertThat(refused.query()).isEqualTo("one");
            assertThat(refused.getMessage()).startsWith("query one refused: the store is busy");
            assertThat(refusal(() -> store.execute(one)).retryable()).isTrue();
            assertThat(store.ping()).isTrue();

            held.close();
            assertThat(store.query(one, r -> r.getInt("one"))).containsExactly(1);
        }
    }

    @Test
    void the_statements_that_gate_every_request_take_any_free_connection_and_two_more_than_the_turns() {
        Admission admission = new Admission(2, 0, Duration.ofMillis(50));
        Admission.Turn version = admission.enter("data_version");   // a free connection, no turn taken
        Admission.Turn first = admission.enter("summary_risks");
        Admission.Turn second = admission.enter("roi_ranking");
        assertThat(refusal(() -> admission.enter("service_figures")).getMessage()).contains("the queue is full");

        Admission.Turn token = admission.enter("find_token");   // every turn taken: the light statements' own
        StoreException third = refusal(() -> admission.enter("find_user"));
        assertThat(third.retryable()).isTrue();
        assertThat(third.getMessage()).endsWith("no connection came free within 50 ms)");

        first.close();   // a turn's connection, free for a light statement
        admission.enter("find_user").close();
        version.close();
        token.close();
        second.close();
        assertThat(admission.connections()).isEqualTo(2 + Admission.LIGHT_LANE);
        assertThat(admission.runningNow()).isZero();
    }

    @Test
    void settings_out_of_range_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> new Admission(0, 1, Duration.ZERO)).hasMessage("pool size must be at least 1, was 0");
        assertThatThrownBy(() -> new Admission(1, -1, Duration.ZERO)).hasMessage("queue must be 0 or more, was -1");
        assertThatThrownBy(() -> new Admission(1, 1, Duration.ofSeconds(-1)))
                .hasMessage("queue wait must be 0 or more, was PT-1S");
    }

    /** Until {@code n} statements wait for a turn (the waiting thread has reached the queue). */
    private static void awaitWaiting(Admission admission, int n) {
        while (admission.waitingNow() < n) {
            Thread.onSpinWait();
        }
    }

    private static StoreException refusal(Runnable statement) {
        try {
            statement.run();
        } catch (StoreException e) {
            return e;
        }
        throw new AssertionError("the statement was admitted");
    }
}
