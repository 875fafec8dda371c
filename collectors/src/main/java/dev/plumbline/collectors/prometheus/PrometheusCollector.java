package dev.plumbline.collectors.prometheus;

import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.TelemetryStore;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects one Prometheus-compatible source into ClickHouse, chunk by chunk: per chunk three queries (buckets,
 * requests, errors; see {@link PromQl}), however many customers and services there are; the minutes are written in
 * one batch (idempotent: the same minute written again replaces itself), the hours and days they touch are recomputed,
 * coverage is recorded, and the watermark moves to the chunk's end. After a restart, {@link #collect} continues from
 * the watermark.
 */
public final class PrometheusCollector {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusCollector.class);
    private static final Duration STEP = Duration.ofMinutes(1);
    /** The watermark's target: the whole source (a source may later be split per metric family). */
    static final String TARGET = "telemetry";

    private final PrometheusSource source;
    private final PrometheusApi api;
    private final TelemetryStore telemetry;
    private final RollupStore rollups;
    private final WatermarkStore watermarks;
    private final Clock clock;
    private Instant partialHour;
    private int partialMinutes;

    public PrometheusCollector(PrometheusSource source, PrometheusApi api, TelemetryStore telemetry,
                               RollupStore rollups, WatermarkStore watermarks, Clock clock) {
        this.source = source;
        this.api = api;
        this.telemetry = telemetry;
        this.rollups = rollups;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    public PrometheusSource source() {
        return source;
    }

    /** Where collection stands: everything before this instant is stored (empty before the first collection). */
    public java.util.Optional<Instant> watermark() {
        return watermarks.get(source.name(), TARGET);
    }

    /**
     * Collects from the watermark (or {@code firstStart} the first time) up to the last whole minute that is
     * {@code delay} old. Returns the progress at the end.
     */
    public Progress collect(Instant firstStart, Consumer<Progress> listener) {
        Instant from = watermark().orElse(firstStart.truncatedTo(ChronoUnit.MINUTES));
        Instant to = clock.instant().minus(source.delay()).truncatedTo(ChronoUnit.MINUTES);
        return run(from, to, true, listener);
    }

    /**
     * Collects [from, to) again (whole minutes), e.g. after an outage or for history; writing minutes that are already
     * stored replaces them. The watermark only ever moves forward.
     */
    public Progress backfill(Instant from, Instant to, Consumer<Progress> listener) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("backfill: from (" + from + ") must be before to (" + to + ")");
        }
        return run(from.truncatedTo(ChronoUnit.MINUTES), to.truncatedTo(ChronoUnit.MINUTES), false, listener);
    }

    private Progress run(Instant from, Instant to, boolean live, Consumer<Progress> listener) {
        List<Instant[]> chunks = chunks(from, to);
        Progress progress = new Progress(source.name(), from, to, from, 0, chunks.size(), 0, 0);
        listener.accept(progress);
        for (Instant[] chunk : chunks) {
            long rows = collectChunk(chunk[0], chunk[1]);
            if (live || watermark().map(w -> w.isBefore(chunk[1])).orElse(true)) {
                watermarks.set(source.name(), TARGET, chunk[1]);
            }
            progress = new Progress(source.name(), from, to, chunk[1], progress.chunksDone() + 1, chunks.size(),
                    progress.queries() + 3, progress.rows() + rows);
            LOG.info("source {}: stored {} .. {}: {} minute rows (chunk {}/{})", source.name(), chunk[0], chunk[1], rows,
                    progress.chunksDone(), progress.chunksTotal());
            listener.accept(progress);
        }
        return progress;
    }

    /** Chunks of the source's size, aligned to whole hours where the chunk is whole hours, so coverage adds up. */
    List<Instant[]> chunks(Instant from, Instant to) {
        List<Instant[]> out = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = start.truncatedTo(ChronoUnit.HOURS).plus(source.chunk());
            if (source.chunk().toMinutes() % 60 != 0 || !end.isAfter(start)) {
                end = start.plus(source.chunk());
            }
            end = end.isAfter(to) ? to : end;
            out.add(new Instant[] {start, end});
            start = end;
        }
        return out;
    }

    private long collectChunk(Instant from, Instant to) {
        // a point at t is the increase over (t - 1m, t]: minutes [from, to) are the points from + 1m .. to
        Instant start = from.plus(STEP);
        MetricNames names = source.names();
        List<Series> buckets = api.queryRange(PromQl.buckets(names), start, to, STEP);
        List<Series> requests = api.queryRange(PromQl.requests(names), start, to, STEP);
        List<Series> errors = api.queryRange(PromQl.errors(names), start, to, STEP);
        MinuteAssembler.Assembled assembled = MinuteAssembler.assemble(source.name(), names, buckets, requests, errors);
        if (assembled.anomalies().any()) {
            LOG.warn("source {}: {} .. {}: {}", source.name(), from, to, assembled.anomalies());
        }
        telemetry.insert(assembled.minutes());
        rollups.rollUpHours(from, to);
        rollups.rollUpDays(from, to);
        recordCoverage(from, to);
        return assembled.minutes().size();
    }

    private void recordCoverage(Instant from, Instant to) {
        List<Instant> hours = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            Instant start = from.isAfter(hour) ? from : hour;
            Instant end = to.isBefore(hour.plus(1, ChronoUnit.HOURS)) ? to : hour.plus(1, ChronoUnit.HOURS);
            int n = (int) Duration.between(start, end).toMinutes();
            if (start.isAfter(hour) && hour.equals(partialHour)) {
                n += partialMinutes;   // the earlier part of this hour came in an earlier chunk of this run
            }
            hours.add(hour);
            minutes.add(Math.min(60, n));
            if (end.isBefore(hour.plus(1, ChronoUnit.HOURS))) {
                partialHour = hour;
                partialMinutes = Math.min(60, n);
            }
        }
        rollups.recordCoverage(source.name(), hours, minutes);
    }
}
