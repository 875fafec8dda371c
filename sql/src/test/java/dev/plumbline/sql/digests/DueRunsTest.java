package dev.plumbline.sql.digests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.digests.DueRuns.Due;
import dev.plumbline.sql.digests.Subscription.Recipients;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DueRunsTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private static Subscription weekly(String id, boolean enabled) {
        return new Subscription(id, DigestKind.WEEKLY_EXECUTIVE_SUMMARY, Schedule.parse("0 8 * * 1"),
                ZoneId.of("Europe/Berlin"), Recipients.user("ceo", "ceo@example.com"), "ceo", CREATED, enabled);
    }

    @Test
    void a_new_subscription_is_due_at_its_first_run_after_creation() {
        List<Due> due = DueRuns.at(Instant.parse("2026-11-02T07:00:00Z"), List.of(weekly("a", true)), Map.of());

        assertThat(due).extracting(Due::run).containsExactly(Instant.parse("2026-11-02T07:00:00Z"));
        assertThat(due.getFirst().notificationId()).isEqualTo("digest:a:2026-11-02T07:00:00Z");
    }

    @Test
    void a_run_before_the_subscription_existed_is_not_sent() {
        Subscription late = new Subscription("b", DigestKind.WEEKLY_EXECUTIVE_SUMMARY, Schedule.parse("0 8 * * 1"),
                ZoneId.of("Europe/Berlin"), Recipients.user("ceo", "ceo@example.com"), "ceo",
                Instant.parse("2026-11-02T09:00:00Z"), true);

        assertThat(DueRuns.at(Instant.parse("2026-11-05T12:00:00Z"), List.of(late), Map.of())).isEmpty();
    }

    @Test
    void after_three_missed_mondays_only_the_latest_is_due() {
        List<Due> due = DueRuns.at(Instant.parse("2026-11-20T12:00:00Z"), List.of(weekly("a", true)), Map.of());

        assertThat(due).extracting(Due::run).containsExactly(Instant.parse("2026-11-16T07:00:00Z"));
    }

    @Test
    void a_run_enqueued_already_is_not_due_again_and_evaluating_twice_gives_the_same_id() {
        Instant now = Instant.parse("2026-11-16T07:00:30Z");
        List<Due> first = DueRuns.at(now, List.of(weekly("a", true)), Map.of());
        List<Due> again = DueRuns.at(now.plusSeconds(20), List.of(weekly("a", true)), Map.of());

        assertThat(again.getFirst().notificationId()).isEqualTo(first.getFirst().notificationId());
        assertThat(DueRuns.at(now, List.of(weekly("a", true)), Map.of("a", first.getFirst().run()))).isEmpty();
    }

    @Test
    void a_disabled_subscription_is_never_due() {
        assertThat(DueRuns.at(Instant.parse("2026-11-20T12:00:00Z"), List.of(weekly("a", false)), Map.of())).isEmpty();
    }
}
