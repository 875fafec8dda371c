package dev.plumbline.app.replicas;

import dev.plumbline.app.config.ReplicaProperties;
import dev.plumbline.sql.coordination.Lease;
import dev.plumbline.sql.coordination.LeasePlan;
import dev.plumbline.sql.coordination.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's part of the work. Sources ({@code source/NAME}) and singleton jobs ({@code job/NAME}) register as
 * works; {@link #holds} says whether this replica does one now. Without coordination it does every work. With it, a
 * {@link #round} every {@code renew} renews this replica's member lease, applies the {@link LeasePlan} (renew up to
 * its share, release the rest, take free works) and reads back which writes won.
 *
 * <p>A lease counts as held until one renew interval before it expires: a replica that can no longer renew stops
 * working before another may take its works. Leases expire by the machines' clocks, which must agree to well within
 * that interval (NTP). A hand-over overlap is harmless anyway: every write is idempotent.
 */
public final class Replicas {

    private static final Logger LOG = LoggerFactory.getLogger(Replicas.class);

    private final ReplicaProperties properties;
    private final Optional<LeaseStore> store;
    private final Clock clock;
    private final Set<String> works = new ConcurrentSkipListSet<>();
    private final Map<String, Instant> held = new ConcurrentHashMap<>();
    private volatile Instant joinedUntil = Instant.MIN;
    private volatile LeasePlan lastPlan;
    private volatile String lastError;
    private volatile Map<String, Lease> lastLeases = Map.of();
    private final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();

    public Replicas(ReplicaProperties properties, Optional<LeaseStore> store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /** Every work done alone by this replica: without coordination. */
    public static Replicas alone(ReplicaProperties properties) {
        return new Replicas(properties, Optional.empty(), Clock.systemUTC());
    }

    public String id() {
        return properties.id();
    }

    public boolean coordinated() {
        return store.isPresent();
    }

    /** Makes {@code work} (such as {@code source/prometheus}) one of those shared out. */
    public void register(String work) {
        works.add(work);
    }

    /** Whether this replica does {@code work} now. */
    public boolean holds(String work) {
        if (store.isEmpty()) {
            return true;
        }
        Instant until = held.get(work);
        return until != null && clock.instant().plus(properties.renew()).isBefore(until);
    }

    /** Whether this replica has joined (its member lease is live): only then does it count in the shares. */
    public boolean joined() {
        return store.isEmpty() || clock.instant().plus(properties.renew()).isBefore(joinedUntil);
    }

    /** One round: renew, rebalance, read back. Failures are logged and kept for the status; the next round retries. */
    public void round() {
        if (store.isEmpty()) {
            return;
        }
        LeaseStore leases = store.get();
        try {
            Instant now = clock.instant();
            Instant until = now.plus(properties.leaseTtl());
            String token = UUID.randomUUID().toString();
            Map<String, Lease> before = leases.all();
            String member = LeasePlan.MEMBER + id();
            leases.tryTake(member, id(), token, until, now, Optional.ofNullable(before.get(member)));
            LeasePlan plan = LeasePlan.of(id(), List.copyOf(works), before, now);
            for (String w : plan.release()) {
                leases.release(w, id());
                held.remove(w);
                LOG.info("replicas: {} released {} (its shares are {} over {} replicas)", id(), w,
                        plan.shares(), plan.members().size());
            }
            for (String w : plan.wanted()) {
                leases.tryTake(w, id(), token, until, now, Optional.ofNullable(before.get(w)));
            }
            Map<String, Lease> after = leases.all();
            List<String> won = LeaseStore.wonWith(after, id(), token);
            for (String w : List.copyOf(held.keySet())) {
                if (!won.contains(w)) {
                    held.remove(w);
                }
            }
            for (String w : won) {
                if (w.equals(member)) {
                    joinedUntil = until;
                } else if (held.put(w, until) == null) {
                    LOG.info("replicas: {} took {}", id(), w);
                }
            }
            lastPlan = plan;
            lastLeases = after;
            lastError = null;
            rounds.incrementAndGet();
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warn("replicas: {} could not renew its leases: {}", id(), e.getMessage());
        }
    }

    /** Gives every lease up at once (a graceful stop), so the other replicas take the works in their next round. */
    public void leave() {
        if (store.isEmpty()) {
            return;
        }
        try {
            for (String w : List.copyOf(held.keySet())) {
                store.get().release(w, id());
            }
            store.get().release(LeasePlan.MEMBER + id(), id());
            LOG.info("replicas: {} left, released {}", id(), held.keySet());
        } catch (RuntimeException e) {
            LOG.warn("replicas: {} could not release its leases (they lapse after {}): {}", id(),
                    properties.leaseTtl(), e.getMessage());
        } finally {
            held.clear();
            joinedUntil = Instant.MIN;
        }
    }

    /**
     * Runs {@code work} while holding the lease {@code name} alone among the replicas (without coordination: at
     * once): waits up to {@code wait} for it, renews it meanwhile, releases it after.
     */
    public void exclusively(String name, Duration wait, Runnable work) {
        if (store.isEmpty()) {
            work.run();
            return;
        }
        new ExclusiveLease(store.get(), id(), properties.leaseTtl(), clock).run(name, wait, work);
    }

    /**
     * The replica doing {@code work} as of the last round: this one without coordination; empty when none holds it
     * (between a release and the next take).
     */
    public Optional<String> holderOf(String work) {
        if (store.isEmpty() || holds(work)) {
            return Optional.of(id());
        }
        Lease l = lastLeases.get(work);
        return l != null && l.liveAt(clock.instant()) ? Optional.of(l.holder()) : Optional.empty();
    }

    /** The works this replica does now, in name order. */
    public List<String> held() {
        return works.stream().filter(this::holds).toList();
    }

    /** The state the collectors API shows. */
    public Status status() {
        LeasePlan plan = lastPlan;
        return new Status(id(), properties.coordination(), joined(), held(), works.size(),
                plan == null ? List.of(id()) : plan.members(), plan == null ? Map.of() : plan.shares(), rounds.get(), lastError);
    }

    /**
     * @param id         this replica
     * @param coordination none or keeper-map
     * @param joined     its member lease is live
     * @param holds      the works it does now
     * @param works      how many works there are
     * @param members    the live replicas of the last round
     * @param shares     per kind of work (source, job), at most this many per replica
     * @param rounds     lease rounds completed since the start
     * @param lastError  the last round's failure, or null
     */
    public record Status(String id, String coordination, boolean joined, List<String> holds, int works,
                         List<String> members, Map<String, Integer> shares, long rounds, String lastError) {
    }
}
