package dev.plumbline.sql.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.RoiModel;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import dev.plumbline.sql.triggers.Crossing.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evaluation against the planted platform: which customers cross is computed here from the planted raw requests
 * (billing's error burst of 6 October), not by the engine.
 */
@ExtendWith(ClickHouseExtension.class)
class TriggerEvaluationTest {

    private static final Duration WINDOW = Duration.ofHours(6);
    private static final Instant BURST = Instant.parse("2026-10-06T06:00:00Z");   // window 00:00-06:00 of the bad day
    private static final Instant CALM = Instant.parse("2026-10-07T12:00:00Z");    // window 06:00-12:00 the day after
    private static TestDatabase database;
    private static PsrEngine engine;

    @BeforeAll
    static void setUp(TestDatabase db) {
        database = db.migrate();
        Clock clock = PlantedPlatform.clock();
        PlantedPlatform.seed(database.clickHouse(), clock);
        engine = new PsrEngine(database.clickHouse(), new ServiceCatalogStore(database.clickHouse(), clock),
                CurrencyRates.of("USD", List.of("EUR=1.08")), new RoiModel(4, 90, 1.5), clock);
    }

    /** The customers of the set whose billing slice burns above {@code factor} in the window ending at {@code to}. */
    private static Set<String> truthBurningAbove(double factor, Instant to, Set<String> set) {
        Set<String> out = new TreeSet<>();
        for (String customer : set) {
            List<PlantedPlatform.Request> in = PlantedPlatform.requests().stream()
                    .filter(r -> r.service().equals("billing") && r.customer().equals(customer)
                            && !r.hour().isBefore(to.minus(WINDOW)) && r.hour().isBefore(to)).toList();
            double errors = in.stream().filter(PlantedPlatform.Request::error).count();
            if (!in.isEmpty() && errors / in.size() / (1 - 0.999) > factor) {
                out.add(customer);
            }
        }
        return out;
    }

    private static Set<String> enterprise() {
        Set<String> out = new TreeSet<>();
        PlantedPlatform.customers().stream().filter(c -> c.segment().equals("enterprise")).map(Customer::id)
                .forEach(out::add);
        return out;
    }

    private static Trigger billingBurn(String id) {
        return new Trigger(id, "enterprise billing burn", new Rule(Figure.SLICE_BURN_RATE, "billing", WINDOW,
                Comparison.ABOVE, 10), new CustomerSet(List.of(), "enterprise", null, null), "oncall",
                "ana@example.com", Duration.ZERO, false, true, false);
    }

    private static final TriggerEvaluation.Messenger MESSENGER = (t, c, r) -> new Notification(c.notificationId(t.id()),
            Notification.Channel.WEBHOOK, t.destination(), List.of(), c.status().key() + " " + r.label(), "{}",
            "application/json", List.of(), "reason", Notification.Origin.TRIGGER, t.id());

    private static TriggerEvaluation evaluationAt(Instant now) {
        return evaluationAt(now, MESSENGER);
    }

    private static TriggerEvaluation evaluationAt(Instant now, TriggerEvaluation.Messenger messenger) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new TriggerEvaluation(new TriggerStore(database.clickHouse(), clock),
                new TriggerStateStore(database.clickHouse(), clock), new FigureReader(engine, 10_000),
                new OutboxStore(database.clickHouse(), clock), messenger);
    }

    @Test
    void the_burst_fires_exactly_the_set_customers_the_planted_requests_say_and_the_next_day_resolves_them() {
        Set<String> expected = truthBurningAbove(10, BURST, enterprise());
        assertThat(expected).as("the planted burst must reach the threshold for the test to mean something").isNotEmpty();
        assertThat(truthBurningAbove(10, CALM, enterprise())).isEmpty();
        Trigger trigger = billingBurn("t-burst");

        TriggerEvaluation.Outcome fired = evaluationAt(BURST).evaluate(trigger, BURST);
        TriggerEvaluation.Outcome again = evaluationAt(BURST.plusSeconds(300)).evaluate(trigger, BURST.plusSeconds(300));
        TriggerEvaluation.Outcome resolved = evaluationAt(CALM).evaluate(trigger, CALM);

        assertThat(fired.crossings()).allMatch(c -> c.status() == Status.FIRING)
                .extracting(Crossing::subject).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(again.crossings()).isEmpty();
        assertThat(resolved.crossings()).allMatch(c -> c.status() == Status.RESOLVED && c.endsAt().equals(CALM)
                && c.startsAt().equals(BURST)).extracting(Crossing::subject).containsExactlyInAnyOrderElementsOf(expected);
        OutboxStore outbox = new OutboxStore(database.clickHouse(), Clock.fixed(CALM, ZoneOffset.UTC));
        for (String id : fired.notificationIds()) {
            OutboxEntry entry = outbox.find(id).orElseThrow();
            assertThat(entry.notification().origin()).isEqualTo(Notification.Origin.TRIGGER);
            assertThat(entry.notification().originId()).isEqualTo("t-burst");
            assertThat(id).startsWith("trigger:t-burst:").endsWith(":firing:" + BURST);
        }
    }

    @Test
    void the_burn_rates_read_are_the_planted_ones() {
        Trigger trigger = billingBurn("t-values");
        for (Reading r : new FigureReader(engine, 10_000).read(trigger, BURST)) {
            List<PlantedPlatform.Request> in = PlantedPlatform.requests().stream()
                    .filter(q -> q.service().equals("billing") && q.customer().equals(r.subject())
                            && !q.hour().isBefore(BURST.minus(WINDOW)) && q.hour().isBefore(BURST)).toList();
            double truth = (double) in.stream().filter(PlantedPlatform.Request::error).count() / in.size() / 0.001;
            assertThat(r.value()).as(r.subject()).isCloseTo(truth, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(new FigureReader(engine, 10_000).read(trigger, BURST)).extracting(Reading::subject)
                .containsExactlyInAnyOrderElementsOf(enterprise());
    }

    @Test
    void a_restart_neither_fires_again_nor_forgets_the_firing() {
        Trigger trigger = billingBurn("t-restart");
        TriggerEvaluation first = evaluationAt(BURST);
        TriggerEvaluation.Outcome fired = first.evaluate(trigger, BURST);

        TriggerEvaluation restarted = evaluationAt(BURST.plus(Duration.ofHours(1)));   // new stores: only ClickHouse
        assertThat(restarted.evaluate(trigger, BURST.plus(Duration.ofHours(1))).crossings()).isEmpty();
        assertThat(evaluationAt(CALM).evaluate(trigger, CALM).crossings()).extracting(Crossing::subject)
                .containsExactlyInAnyOrderElementsOf(fired.crossings().stream().map(Crossing::subject).toList());
    }

    /**
     * A crash between the outbox and the states' save: the evaluation stops after the first firing is enqueued (its
     * messenger fails on the second), so no state is saved. The next evaluation sends the others (never enqueued),
     * but not the first again, not even under a later start; and the recovery of every subject resolves it with the
     * breach's own start.
     */
    @Test
    void a_crash_after_the_outbox_and_before_the_save_sends_each_firing_once_with_its_own_start() {
        Set<String> expected = truthBurningAbove(10, BURST, enterprise());
        assertThat(expected).as("two subjects at least, one enqueued before the crash and one not").hasSizeGreaterThan(1);
        Trigger trigger = billingBurn("t-crash");
        int[] calls = {0};
        TriggerEvaluation.Messenger crashing = (t, c, r) -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("the process dies here");
            }
            return MESSENGER.notification(t, c, r);
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluationAt(BURST, crashing).evaluate(trigger, BURST))
                .hasMessageContaining("dies");
        TriggerStateStore stateStore = new TriggerStateStore(database.clickHouse(), PlantedPlatform.clock());
        assertThat(stateStore.states("t-crash")).as("nothing was saved").isEmpty();
        OutboxStore outbox = new OutboxStore(database.clickHouse(), Clock.fixed(CALM, ZoneOffset.UTC));
        List<OutboxStore.Enqueued> beforeCrash = outbox.enqueuedBy(Notification.Origin.TRIGGER, "t-crash", Instant.EPOCH, 100);
        assertThat(beforeCrash).singleElement().satisfies(e -> assertThat(e.id()).endsWith(":firing:" + BURST));
        String sent = Crossing.firing("t-crash", beforeCrash.getFirst().id()).orElseThrow().subject();

        Instant next = BURST.plusSeconds(300);
        TriggerEvaluation.Outcome after = evaluationAt(next).evaluate(trigger, next);

        assertThat(after.crossings()).as("the others fire now, at this evaluation's start")
                .allMatch(c -> c.status() == Status.FIRING && c.startsAt().equals(next))
                .extracting(Crossing::subject).containsExactlyInAnyOrderElementsOf(expected.stream()
                        .filter(c -> !c.equals(sent)).toList());
        assertThat(stateStore.states("t-crash").get(sent)).satisfies(st -> {
            assertThat(st.since()).isEqualTo(BURST);
            assertThat(st.notified()).isTrue();
            assertThat(st.firedCount()).isEqualTo(1);
        });
        assertThat(outbox.enqueuedBy(Notification.Origin.TRIGGER, "t-crash", Instant.EPOCH, 100))
                .filteredOn(e -> Crossing.firing("t-crash", e.id()).map(f -> f.subject().equals(sent)).orElse(false))
                .as("one firing of the first subject in all").hasSize(1);
        TriggerEvaluation.Outcome calm = evaluationAt(CALM).evaluate(trigger, CALM);
        assertThat(calm.crossings()).filteredOn(c -> c.subject().equals(sent)).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(Status.RESOLVED);
                    assertThat(c.startsAt()).isEqualTo(BURST);
                });
    }

    @Test
    void evaluating_all_skips_disabled_triggers() {
        Clock clock = Clock.fixed(BURST, ZoneOffset.UTC);
        TriggerStore store = new TriggerStore(database.clickHouse(), clock);
        Trigger on = billingBurn("t-all-on");
        Trigger off = new Trigger("t-all-off", on.name(), on.rule(), on.customers(), on.destination(), on.owner(),
                on.cooldown(), false, false, false);
        store.save(on, "admin");
        store.save(off, "admin");

        List<String> evaluated = evaluationAt(BURST).evaluateAll(BURST).stream()
                .map(TriggerEvaluation.Outcome::triggerId).toList();
        assertThat(evaluated).contains("t-all-on").doesNotContain("t-all-off");
    }
}
