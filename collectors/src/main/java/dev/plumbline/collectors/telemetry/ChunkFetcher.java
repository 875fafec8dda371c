package dev.plumbline.collectors.telemetry;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a kind of source (Prometheus, Datadog) contributes to collection: how to fetch the minutes of a chunk. */
public interface ChunkFetcher {

    /** The source's configured name: the source column of what it stores, its watermark, its metrics. */
    String source();

    /** Where it is, for people (never credentials). */
    String location();

    /** How much time one fetch covers at most. */
    Duration chunk();

    /** How far behind now collection stays, so the source has the minute complete. */
    Duration delay();

    /** The minutes of [from, to), whole minutes. */
    Fetched fetch(Instant from, Instant to);

    /** A chunk's minutes and the number of queries it took. */
    record Fetched(List<TelemetryMinute> minutes, int queries) {
    }
}
