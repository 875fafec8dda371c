package dev.plumbline.app.replicas;

import dev.plumbline.sql.coordination.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lease held around one piece of work (the migrations at start): taken, waited for while another replica has
 * it, renewed every third of its TTL while the work runs, released after.
 */
public final class ExclusiveLease {

    private static final Logger LOG = LoggerFactory.getLogger(ExclusiveLease.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LeaseStore store;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;

    public ExclusiveLease(LeaseStore store, String holder, Duration ttl, Clock clock) {
        this.store = store;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
    }

    public void run(String name, Duration wait, Runnable work) {
        Instant deadline = clock.instant().plus(wait);
        while (!take(name)) {
            if (clock.instant().isAfter(deadline)) {
                var lease = store.all().get(name);
                throw new IllegalStateException("replica " + holder + " waited " + wait + " for the lease '" + name
                        + "', held by " + (lease == null ? "nobody" : lease.holder() + " until " + lease.expiresAt()));
            }
            try {
                Thread.sleep(POLL.toMillis());   // another replica holds it: poll until it is released or lapses
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the lease '" + name + "'", e);
            }
        }
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + name);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleAtFixedRate(() -> {
            try {
                take(name);
            } catch (RuntimeException e) {
                LOG.warn("lease {}: could not renew: {}", name, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            renewer.shutdownNow();
            store.release(name, holder);
        }
    }

    private boolean take(String name) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        store.tryTake(name, holder, token, now.plus(ttl), now, Optional.ofNullable(store.all().get(name)));
        return LeaseStore.wonWith(store.all(), holder, token).contains(name);
    }
}
