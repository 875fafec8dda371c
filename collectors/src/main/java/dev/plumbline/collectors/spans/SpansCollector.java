package dev.plumbline.collectors.spans;

import dev.plumbline.collectors.spool.ChunkBatch;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.telemetry.Progress;
import dev.plumbline.collectors.telemetry.TelemetryCollector;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TelemetryCollector} of a spans source. Spans can reach their table after their minute was collected (an
 * exporter's batch, a retry, a host whose clock lags): each collection first reads the source's lateness window
 * before the watermark again and rewrites those minutes (a minute written again replaces itself; the coverage they
 * were given stays), then collects on from the watermark. Spans later than the lateness are only picked up by a
 * backfill.
 */
public final class SpansCollector extends TelemetryCollector {

    private final SpansFetcher spans;
    private final SpooledWriter writer;
    private final Clock clock;

    public SpansCollector(SpansFetcher spans, SpooledWriter writer, WatermarkStore watermarks, Clock clock) {
        super(spans, writer, watermarks, clock);
        this.spans = spans;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public Progress collect(Instant firstStart, Consumer<Progress> listener) {
        watermark().ifPresent(this::readAgain);
        Progress progress = super.collect(firstStart, listener);
        spans.countAhead(clock.instant());
        return progress;
    }

    /** The lateness window before {@code watermark}, read and written again, chunk by chunk. */
    private void readAgain(Instant watermark) {
        Instant from = watermark.minus(spans.source().lateness());
        for (Instant[] chunk : chunks(from, watermark)) {
            ChunkFetcher.Fetched fetched = spans.fetch(chunk[0], chunk[1]);
            writer.write(new ChunkBatch(spans.source().name(), chunk[0], chunk[1], fetched.minutes(), List.of(), List.of()));
        }
    }
}
