package dev.plumbline.app.collect;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.Progress;
import dev.plumbline.collectors.spool.Spool;
import dev.plumbline.collectors.telemetry.TelemetryCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's collection: its own thread, so a slow or failing source never holds up another; live collection and
 * backfills of the same source run one after the other on it. Keeps the state the status endpoint and metrics read.
 */
final class SourceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRunner.class);

    private final TelemetryCollector collector;
    private final String kind;
    private final java.util.function.Supplier<String> circuit;
    private final Spool spool;
    private final Clock clock;
    private final Duration firstLookback;
    private final ExecutorService thread;
    private final java.util.function.Supplier<SourceStatus.Spans> spans;
    private final AtomicBoolean collecting = new AtomicBoolean();
    private volatile String state = "idle";
    private volatile Instant lastAttempt;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile long errors;
    private volatile long rows;
    private volatile long queries;
    private volatile Instant watermark;
    private volatile SourceStatus.Backfill backfill;

    SourceRunner(TelemetryCollector collector, String kind, java.util.function.Supplier<String> circuit, Spool spool,
                 Clock clock, Duration firstLookback) {
        this(collector, kind, circuit, spool, clock, firstLookback, () -> null);
    }

    /** @param spans a spans source's counts (null for other kinds) */
    SourceRunner(TelemetryCollector collector, String kind, java.util.function.Supplier<String> circuit, Spool spool,
                 Clock clock, Duration firstLookback, java.util.function.Supplier<SourceStatus.Spans> spans) {
        this.spans = spans;
        this.collector = collector;
        this.kind = kind;
        this.circuit = circuit;
        this.spool = spool;
        this.clock = clock;
        this.firstLookback = firstLookback;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "collector-" + collector.fetcher().settings().source());
            t.setDaemon(true);
            return t;
        });
    }

    String name() {
        return collector.fetcher().settings().source();
    }

    /** Queues one live collection unless one is already queued or running. */
    void tick() {
        if (collecting.compareAndSet(false, true)) {
            thread.execute(() -> {
                try {
                    run("collecting", () -> {
                        collector.collect(clock.instant().minus(firstLookback), this::progress);
                        watermark = collector.watermark().orElse(null);
                    });
                } finally {
                    collecting.set(false);
                }
            });
        }
    }

    /** Queues a backfill of [from, to); its progress shows in the status. */
    void backfill(Instant from, Instant to) {
        backfill = SourceStatus.Backfill.queued(from, to);
        thread.execute(() -> {
            boolean ok = run("backfilling", () -> collector.backfill(from, to, p -> {
                progress(p);
                backfill = SourceStatus.Backfill.of(p, "running", null);
            }));
            SourceStatus.Backfill last = backfill;
            backfill = new SourceStatus.Backfill(last.from(), last.to(), last.doneUpTo(), last.chunksDone(),
                    last.chunksTotal(), last.fraction(), ok ? "done" : "failed", ok ? null : lastError);
        });
    }

    private boolean run(String what, Runnable work) {
        state = what;
        lastAttempt = clock.instant();
        try {
            work.run();
            lastSuccess = clock.instant();
            state = "idle";
            return true;
        } catch (RuntimeException e) {
            errors++;
            lastError = e.getMessage();
            lastErrorAt = clock.instant();
            state = "failing";
            LOG.warn("source {}: {} failed: {}", name(), what, e.getMessage());
            return false;
        }
    }

    /** Counts rows and queries as chunks complete (a progress report carries the run's totals so far). */
    private synchronized void progress(Progress p) {
        boolean sameRun = previous != null && previous.from().equals(p.from()) && previous.to().equals(p.to())
                && p.chunksDone() >= previous.chunksDone();
        rows += sameRun ? p.rows() - previous.rows() : p.rows();
        queries += sameRun ? p.queries() - previous.queries() : p.queries();
        previous = p;
    }

    private Progress previous;

    /**
     * @param collectedBy the replica collecting it, or null (none now)
     * @param here        whether this replica does: else the state is {@code elsewhere} (while nothing runs here)
     */
    SourceStatus status(String collectedBy, boolean here) {
        Instant now = clock.instant();
        Instant w = watermark;
        ChunkFetcher.Settings settings = collector.fetcher().settings();
        String shown = here || !state.equals("idle") ? state : "elsewhere";
        return new SourceStatus(name(), kind, settings.location(), settings.method(), shown, lastAttempt,
                lastSuccess, lastError, lastErrorAt, errors, rows, queries, w,
                w == null ? null : Duration.between(w, now).toSeconds(), circuit.get(), backfill, spool.size(),
                spool.bytes(), SourceStatus.Refused.of(collector.dataQuality()), collectedBy, spans.get());
    }

    void close() {
        thread.shutdownNow();
    }
}
