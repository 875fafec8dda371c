package dev.plumbline.sql;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control in front of the store: at most {@code running} statements at once (one per pooled connection),
 * at most {@code waiting} more queued for a turn, each for at most {@code wait}. A statement that finds the queue full,
 * or waits its whole time, is refused at once with a retryable {@link StoreException} (the API answers 503 with
 * {@code Retry-After}) instead of piling up behind the pool until a timeout ends it as an error.
 * <p>
 * The few statements that gate every request and read a handful of rows ({@link #LIGHT}: the data's version, the
 * caller's token or user) do not queue behind the others: they take any free connection, and {@link #LIGHT_LANE}
 * connections beyond {@code running} are theirs alone, so they find one even while every turn is taken.
 */
public final class Admission {

    private final int running;
    private final int waiting;
    private final Duration wait;
    private final Semaphore turns;
    /** Every connection: a statement holds one while it runs (light ones only this; the others a turn first). */
    private final Semaphore connections;
    private final AtomicInteger queued = new AtomicInteger();

    /** Statements (short names) that gate every request and read a handful of rows. */
    public static final java.util.Set<String> LIGHT = java.util.Set.of("data_version", "find_token", "find_user");
    /** Connections kept for them beyond {@code running}. */
    public static final int LIGHT_LANE = 2;

    /**
     * @param running statements run at once (the connection pool's size)
     * @param waiting statements that may queue for a turn beyond those
     * @param wait    how long one of them waits before it is refused
     */
    public Admission(int running, int waiting, Duration wait) {
        if (running < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + running);
        }
        if (waiting < 0) {
            throw new IllegalArgumentException("queue must be 0 or more, was " + waiting);
        }
        if (wait == null || wait.isNegative()) {
            throw new IllegalArgumentException("queue wait must be 0 or more, was " + wait);
        }
        this.running = running;
        this.waiting = waiting;
        this.wait = wait;
        this.turns = new Semaphore(running, true);
        this.connections = new Semaphore(running + LIGHT_LANE, true);
    }

    /** What the store did before it had admission control: the pool's size, and up to 10 s to wait for it. */
    public static Admission pool(int running) {
        return new Admission(running, 10_000, Duration.ofSeconds(10));
    }

    public int running() {
        return running;
    }

    /** HTTP connections the store may hold: one per running statement and the light statements' lane. */
    public int connections() {
        return running + LIGHT_LANE;
    }

    /** A turn to run {@code query}: waits at most the queue wait; close it when the statement is done. */
    public Turn enter(String query) {
        if (LIGHT.contains(query)) {
            return connection(query);
        }
        if (!turns.tryAcquire()) {
            if (queued.incrementAndGet() > waiting) {
                queued.decrementAndGet();
                throw busy(query, "the queue is full, " + waiting + " waiting");
            }
            try {
                if (!turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy(query, "no turn came within " + wait.toMillis() + " ms");
                }
            } catch (InterruptedException e) {
                throw interrupted(query, e);
            } finally {
                queued.decrementAndGet();
            }
        }
        try {   // light statements may hold the connections a turn leaves free: theirs are short
            Turn connection = connection(query);
            return () -> {
                connection.close();
                turns.release();
            };
        } catch (RuntimeException e) {
            turns.release();
            throw e;
        }
    }

    private Turn connection(String query) {
        try {
            if (!connections.tryAcquire() && !connections.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(query, "no connection came free within " + wait.toMillis() + " ms");
            }
            return connections::release;
        } catch (InterruptedException e) {
            throw interrupted(query, e);
        }
    }

    private static StoreException interrupted(String query, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new StoreException(query, -1, true, "query " + query + " interrupted while waiting for a turn", e);
    }

    /** Statements running now. */
    public int runningNow() {
        return running - turns.availablePermits();
    }

    /** Statements waiting for a turn now. */
    public int waitingNow() {
        return queued.get();
    }

    private StoreException busy(String query, String why) {
        return new StoreException(query, -1, true, "query " + query + " refused: the store is busy (" + running
                + " statements running; " + why + ")", null);
    }

    /** A statement's turn: closing it lets the next one in. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String toString() {
        return "Admission[running=" + running + ", waiting=" + waiting + ", wait=" + wait + "]";
    }
}
