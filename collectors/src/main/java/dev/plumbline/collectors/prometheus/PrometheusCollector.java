package dev.plumbline.collectors.prometheus;

import dev.plumbline.collectors.telemetry.ChunkFetcher;
import dev.plumbline.collectors.spool.SpooledWriter;
import dev.plumbline.collectors.telemetry.TelemetryCollector;
import dev.plumbline.sql.watermark.WatermarkStore;
import java.time.Clock;

/** A {@link TelemetryCollector} of a Prometheus-compatible source. */
public final class PrometheusCollector extends TelemetryCollector {

    public PrometheusCollector(PrometheusSource source, PrometheusApi api, SpooledWriter writer,
                               WatermarkStore watermarks, Clock clock) {
        super(new PrometheusFetcher(source, api), writer, watermarks, clock);
    }

    /** A collector of a source read through {@code fetcher} (query_range, remote read, or either: {@link ReadPathFetcher}). */
    public PrometheusCollector(ChunkFetcher fetcher, SpooledWriter writer, WatermarkStore watermarks, Clock clock) {
        super(fetcher, writer, watermarks, clock);
    }
}
