package dev.plumbline.app.digests;

import dev.plumbline.sql.digests.DueRuns;
import dev.plumbline.sql.digests.SubscriptionStore;
import dev.plumbline.sql.outbox.OutboxEntry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of the schedules: every enabled subscription's latest run due since its last one is enqueued, then
 * recorded as its last run. A crash between the two enqueues the same id again at the next evaluation, which the
 * outbox keeps once; a subscription that fails (its figures cannot be read) is tried again at the next evaluation.
 */
@Singleton
public class DigestRuns {

    private static final Logger LOG = LoggerFactory.getLogger(DigestRuns.class);

    private final SubscriptionStore subscriptions;
    private final Digests digests;

    public DigestRuns(SubscriptionStore subscriptions, Digests digests) {
        this.subscriptions = subscriptions;
        this.digests = digests;
    }

    /** Enqueues what is due at {@code now}; returns what was enqueued (or found enqueued already). */
    public List<OutboxEntry> evaluate(Instant now) {
        List<OutboxEntry> enqueued = new ArrayList<>();
        for (DueRuns.Due due : DueRuns.at(now, subscriptions.all(), subscriptions.lastRuns())) {
            try {
                digests.enqueue(due.subscription(), due.run()).ifPresentOrElse(enqueued::add,
                        () -> LOG.warn("digest {}: its user {} is gone or disabled; run {} skipped",
                                due.subscription().id(), due.subscription().recipients().username(), due.run()));
                subscriptions.recordRun(due.subscription().id(), due.run(), due.notificationId());
            } catch (RuntimeException e) {
                LOG.error("digest {}: run {} not enqueued, tried again at the next check: {}", due.subscription().id(),
                        due.run(), e.getMessage(), e);
            }
        }
        return enqueued;
    }
}
