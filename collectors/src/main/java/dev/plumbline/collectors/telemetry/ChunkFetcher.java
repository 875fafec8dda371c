package dev.plumbline.collectors.telemetry;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a kind of source (Prometheus, Datadog) contributes to collection: how to fetch the minutes of a chunk. */
public interface ChunkFetcher {

    /** Who the source is and how collection paces it. */
    Settings settings();

    /** The minutes of [from, to), whole minutes. */
    Fetched fetch(Instant from, Instant to);

    /**
     * @param source   the configured name: the source column of what it stores, its watermark, its metrics
     * @param location where it is, for people (never credentials)
     * @param chunk    how much time one fetch covers at most
     * @param delay    how far behind now collection stays, so the source has the minute complete
     */
    record Settings(String source, String location, Duration chunk, Duration delay) {
    }

    /** A chunk's minutes and the number of queries it took. */
    record Fetched(List<TelemetryMinute> minutes, int queries) {
    }
}
