package dev.plumbline.collectors.telemetry;


import dev.plumbline.collectors.spool.ChunkBatch;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.sql.StoreException;
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
 * Collects one source into ClickHouse, chunk by chunk: per chunk the source's fetcher sends a fixed number of queries
 * (Prometheus: three, see PromQl; Datadog: two), however many customers and services there are; the minutes are written in
 * one batch (idempotent: the same minute written again replaces itself), the hours and days they touch are recomputed,
 * coverage is recorded, and the watermark moves to the chunk's end. When ClickHouse cannot take a chunk it goes to the
 * spool (see {@link SpooledWriter}) and collection goes on; the watermark is then kept in memory until ClickHouse is
 * back. After a restart, {@link #collect} continues from the stored watermark (re-collecting a spooled chunk is
 * harmless: it replaces itself).
 */
public class TelemetryCollector {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryCollector.class);
    /** The watermark's target: the whole source (a source may later be split per metric family). */
    static final String TARGET = "telemetry";

    private final ChunkFetcher source;
    private final ChunkFetcher.Settings settings;
    private final SpooledWriter writer;
    private final WatermarkStore watermarks;
    private final Clock clock;
    private Instant partialHour;
    private int partialMinutes;
    private Instant collectedUpTo;
    private long queries;
    private int parallelism = 1;
    private volatile DataQuality quality = DataQuality.NONE;

    /**
     * What the source sent that was not stored, since the start: the totals, and the last chunk that had any.
     *
     * @param lastWarning   what the last such chunk dropped or refused, with its range; null when nothing was
     * @param lastWarningAt when that chunk was collected
     */
    public record DataQuality(Rejections total, String lastWarning, Instant lastWarningAt) {
        static final DataQuality NONE = new DataQuality(Rejections.NONE, null, null);
    }

    public TelemetryCollector(ChunkFetcher source, SpooledWriter writer, WatermarkStore watermarks, Clock clock) {
        this.source = source;
        this.settings = source.settings();
        this.writer = writer;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    public ChunkFetcher fetcher() {
        return source;
    }

    /** What the source sent that was not stored (dropped series, refused values), since the start. */
    public DataQuality dataQuality() {
        return quality;
    }

    /** Where collection stands: everything before this instant is stored (empty before the first collection). */
    public java.util.Optional<Instant> watermark() {
        if (collectedUpTo != null) {
            return java.util.Optional.of(collectedUpTo);
        }
        return watermarks.get(settings.source(), TARGET);
    }

    /**
     * Collects from the watermark (or {@code firstStart} the first time) up to the last whole minute that is
     * {@code delay} old. Returns the progress at the end.
     */
    public Progress collect(Instant firstStart, Consumer<Progress> listener) {
        Instant from = watermark().orElse(firstStart.truncatedTo(ChronoUnit.MINUTES));
        collectedUpTo = from;   // the first start holds until a chunk moves it, even when nothing is due yet
        Instant to = clock.instant().minus(settings.delay()).truncatedTo(ChronoUnit.MINUTES);
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

    /**
     * How many chunks are fetched at once (default 1). Above 1, the next chunks are fetched while the current one is
     * written; writes, watermark and progress stay in chunk order.
     */
    public void setFetchParallelism(int chunks) {
        if (chunks < 1 || chunks > 16) {
            throw new IllegalArgumentException("fetch parallelism: 1 to 16 chunks, was " + chunks);
        }
        this.parallelism = chunks;
    }

    private Progress run(Instant from, Instant to, boolean live, Consumer<Progress> listener) {
        List<Instant[]> chunks = chunks(from, to);
        Progress progress = new Progress(settings.source(), from, to, from, 0, chunks.size(), 0, 0);
        long queriesBefore = queries;
        listener.accept(progress);
        java.util.concurrent.ExecutorService pool = parallelism > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(parallelism) : null;
        java.util.ArrayDeque<java.util.concurrent.Future<ChunkFetcher.Fetched>> ahead = new java.util.ArrayDeque<>();
        try {
            int submitted = 0;
            for (int i = 0; i < chunks.size(); i++) {
                Instant[] chunk = chunks.get(i);
                ChunkFetcher.Fetched fetched;
                if (pool == null) {
                    fetched = source.fetch(chunk[0], chunk[1]);
                } else {
                    while (submitted < chunks.size() && submitted < i + parallelism) {
                        Instant[] next = chunks.get(submitted++);
                        ahead.add(pool.submit(() -> source.fetch(next[0], next[1])));
                    }
                    fetched = join(ahead.poll());
                }
                queries += fetched.queries();
                noteRejections(chunk[0], chunk[1], fetched.rejected());
                boolean advance = live || watermark().map(w -> w.isBefore(chunk[1])).orElse(true);
                ChunkBatch batch = batch(chunk[0], chunk[1], fetched);
                boolean stored = writer.write(batch);
                long rows = batch.minutes().size();
                if (advance) {
                    collectedUpTo = chunk[1];
                    if (stored) {
                        saveWatermark(chunk[1]);
                    }
                }
                progress = new Progress(settings.source(), from, to, chunk[1], progress.chunksDone() + 1, chunks.size(),
                        queries - queriesBefore, progress.rows() + rows);
                LOG.info("source {}: {} {} .. {}: {} minute rows (chunk {}/{})", settings.source(),
                        stored ? "stored" : "spooled", chunk[0], chunk[1], rows,
                        progress.chunksDone(), progress.chunksTotal());
                listener.accept(progress);
            }
        } finally {
            if (pool != null) {
                ahead.forEach(f -> f.cancel(true));
                pool.shutdownNow();
            }
        }
        return progress;
    }

    private static ChunkFetcher.Fetched join(java.util.concurrent.Future<ChunkFetcher.Fetched> future) {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("collector", 0, "interrupted", "interrupted while fetching", true, e);
        }
    }

    /** Chunks of the source's size, aligned to whole hours where the chunk is whole hours, so coverage adds up. */
    protected List<Instant[]> chunks(Instant from, Instant to) {
        List<Instant[]> out = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = start.truncatedTo(ChronoUnit.HOURS).plus(settings.chunk());
            if (settings.chunk().toMinutes() % 60 != 0 || !end.isAfter(start)) {
                end = start.plus(settings.chunk());
            }
            end = end.isAfter(to) ? to : end;
            out.add(new Instant[] {start, end});
            start = end;
        }
        return out;
    }

    private void saveWatermark(Instant at) {
        try {
            watermarks.set(settings.source(), TARGET, at);
        } catch (StoreException e) {
            LOG.warn("source {}: cannot save the watermark {} ({}); kept in memory", settings.source(), at, e.getMessage());
        }
    }

    private void noteRejections(Instant from, Instant to, Rejections rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        String warning = from + " .. " + to + ": " + rejected.describe();
        LOG.warn("source {}: {}", settings.source(), warning);
        DataQuality before = quality;
        quality = new DataQuality(before.total().plus(rejected), warning, clock.instant());
    }

    private ChunkBatch batch(Instant from, Instant to, ChunkFetcher.Fetched fetched) {
        List<Instant> hours = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        coverage(from, to, fetched.notCovered(), hours, minutes);
        return new ChunkBatch(settings.source(), from, to, fetched.minutes(), hours, minutes);
    }

    /**
     * Per hour the chunk touches, the minutes collected: those of the chunk, less those whose data was dropped or
     * refused in part ({@code notCovered}), plus what earlier chunks of this run collected of the same hour.
     */
    private void coverage(Instant from, Instant to, java.util.Set<Instant> notCovered, List<Instant> hours,
                          List<Integer> minutes) {
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            Instant start = from.isAfter(hour) ? from : hour;
            Instant end = to.isBefore(hour.plus(1, ChronoUnit.HOURS)) ? to : hour.plus(1, ChronoUnit.HOURS);
            int n = (int) Duration.between(start, end).toMinutes()
                    - (int) notCovered.stream().filter(m -> !m.isBefore(start) && m.isBefore(end)).count();
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
    }
}
