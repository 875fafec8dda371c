package dev.plumbline.app.collect;

import dev.plumbline.collectors.telemetry.Progress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A source's collection state as the Collectors page and /api/v1/collectors show it.
 *
 * @param state         idle, collecting, backfilling, failing (the last attempt failed) or disabled
 * @param watermark     everything before this instant is stored (or spooled)
 * @param lagSeconds    now - watermark
 * @param circuit       the circuit breaker: CLOSED (calls go through), OPEN (not called for a while), HALF_OPEN
 * @param backfill      the running or last backfill, null if none
 * @param spoolBatches  batches waiting for ClickHouse (shared by all sources)
 */
@Serdeable
public record SourceStatus(String source, String kind, String url, String state, @Nullable Instant lastAttempt,
                           @Nullable Instant lastSuccess, @Nullable String lastError, @Nullable Instant lastErrorAt,
                           long errors, long rowsWritten, long queries, @Nullable Instant watermark,
                           @Nullable Long lagSeconds, String circuit, @Nullable Backfill backfill, int spoolBatches,
                           long spoolBytes) {

    /**
     * A backfill's progress, for a progress bar.
     *
     * @param chunksTotal the range's chunks; 0 while queued (not yet planned)
     * @param fraction    share done, 0-1: 0 while queued
     * @param state       queued, running, done or failed
     */
    @Serdeable
    public record Backfill(Instant from, Instant to, Instant doneUpTo, int chunksDone, int chunksTotal, double fraction,
                           String state, @Nullable String error) {

        /** Waiting for the source's thread: nothing done yet. */
        static Backfill queued(Instant from, Instant to) {
            return new Backfill(from, to, from, 0, 0, 0, "queued", null);
        }

        static Backfill of(Progress p, String state, String error) {
            return new Backfill(p.from(), p.to(), p.doneUpTo(), p.chunksDone(), p.chunksTotal(), p.fraction(), state, error);
        }
    }
}
