package dev.plumbline.app.collect;

import dev.plumbline.collectors.telemetry.Progress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A source's collection state as the Collectors page and /api/v1/collectors show it.
 *
 * @param read          how it is read: query_range or remote read (a Prometheus-compatible source; "query_range (no
 *                      streamed remote read)" when auto found none), Datadog timeseries API
 * @param state         idle, collecting, backfilling, failing (the last attempt failed), disabled, or elsewhere
 *                      (another replica collects it)
 * @param watermark     everything before this instant is stored (or spooled)
 * @param lagSeconds    now - watermark
 * @param circuit       the circuit breaker: CLOSED (calls go through), OPEN (not called for a while), HALF_OPEN
 * @param backfill      the running or last backfill, null if none
 * @param spoolBatches  batches waiting for ClickHouse (shared by all sources)
 * @param refused       what the source sent that was not stored (series without the service or customer tag,
 *                      values that cannot be a count), since the start; its warning is null while nothing was
 * @param collectedBy   the replica that collects (or receives) it, by the last lease round; this replica's name
 *                      without coordination; null while no replica holds it (a hand-over)
 * @param spans         a spans source's counts since the start (see SpanTally); null for other kinds
 */
@Serdeable
public record SourceStatus(String source, String kind, String url, String read, String state, @Nullable Instant lastAttempt,
                           @Nullable Instant lastSuccess, @Nullable String lastError, @Nullable Instant lastErrorAt,
                           long errors, long rowsWritten, long queries, @Nullable Instant watermark,
                           @Nullable Long lagSeconds, String circuit, @Nullable Backfill backfill, int spoolBatches,
                           long spoolBytes, Refused refused, @Nullable String collectedBy,
                           @Nullable Spans spans) {

    /**
     * Data a source sent that was dropped or refused, since the start (Datadog: see DatadogCounts). The minutes it
     * fell in are not counted as collected, so the figures' coverage shows the gap.
     *
     * @param untaggedSeries    series (per query and chunk) without the service or customer tag
     * @param untaggedValues    the values they carried
     * @param notFinite         values refused as NaN or infinite
     * @param negative          values refused as negative
     * @param aboveMaximum      values refused as above the source's max-per-minute
     * @param minutesNotCovered minutes not counted as collected because of them
     * @param warning           the last chunk with such data: its range and what was dropped, with examples; or null
     * @param warningAt         when that chunk was collected
     */
    @Serdeable
    public record Refused(long untaggedSeries, long untaggedValues, long notFinite, long negative, long aboveMaximum,
                          long minutesNotCovered, @Nullable String warning, @Nullable Instant warningAt) {

        static Refused of(dev.plumbline.collectors.telemetry.TelemetryCollector.DataQuality q) {
            var t = q.total();
            return new Refused(t.untaggedSeries(), t.untaggedValues(), t.notFinite(), t.negative(), t.aboveMaximum(),
                    t.minutesNotCovered(), q.lastWarning(), q.lastWarningAt());
        }
    }

    /**
     * What a spans source read since the start, unweighted (README, "Spans in ClickHouse").
     *
     * @param spans         request spans read (a span read again, within the lateness, counts again)
     * @param noCustomer    dropped: without the customer attribute
     * @param noService     dropped: without a service name
     * @param unknownStatus stored as requests, not errors: a status code neither unset, ok nor error
     * @param badWeight     stored with weight 1: an unreadable sampling attribute
     * @param badHttpStatus stored as requests, not errors: no readable HTTP status under the http-status rule
     * @param late          found on reading a minute again within the lateness
     * @param ahead         stamped over a minute ahead of Plumbline's clock at the last collection
     * @param warning       all of it in a sentence, or null when nothing was dropped or caveated
     */
    @Serdeable
    public record Spans(long spans, long noCustomer, long noService, long unknownStatus, long badWeight,
                        long badHttpStatus, long late, long ahead, @Nullable String warning) {

        static Spans of(dev.plumbline.collectors.spans.SpanTally t) {
            return new Spans(t.spans(), t.noCustomer(), t.noService(), t.unknownStatus(), t.badWeight(),
                    t.badHttpStatus(), t.late(), t.ahead(), t.describe());
        }
    }

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
