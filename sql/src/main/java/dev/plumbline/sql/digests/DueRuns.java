package dev.plumbline.sql.digests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which digests are due: for each enabled subscription, the latest scheduled run after its last enqueued run (or
 * after its creation, when it has none) and up to now. Runs missed while the application was stopped are not sent
 * one by one: only the latest is (a digest is about the figures now; three stale Monday summaries help nobody).
 */
public final class DueRuns {

    private DueRuns() {
    }

    /**
     * A run to enqueue.
     *
     * @param subscription whose
     * @param run          the scheduled instant
     */
    public record Due(Subscription subscription, Instant run) {

        /** The outbox id of this run: the same subscription and instant always give the same id. */
        public String notificationId() {
            return DueRuns.notificationId(subscription.id(), run);
        }
    }

    /** The outbox id of {@code subscriptionId}'s run at {@code run}. */
    public static String notificationId(String subscriptionId, Instant run) {
        return "digest:" + subscriptionId + ":" + run;
    }

    /** The runs due at {@code now}, in the order of {@code subscriptions}. */
    public static List<Due> at(Instant now, List<Subscription> subscriptions, Map<String, Instant> lastRuns) {
        List<Due> due = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (!s.enabled()) {
                continue;
            }
            Instant after = lastRuns.getOrDefault(s.id(), s.createdAt());
            Optional<Instant> run = s.schedule().latestRun(after, now, s.zone());
            run.ifPresent(r -> due.add(new Due(s, r)));
        }
        return due;
    }
}
