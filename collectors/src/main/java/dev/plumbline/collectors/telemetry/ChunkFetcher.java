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
     * @param method   how it is read, for people: query_range, remote read, the Datadog timeseries API
     */
    record Settings(String source, String location, Duration chunk, Duration delay, String method) {
    }

    /**
     * A chunk's minutes and the number of queries it took.
     *
     * @param rejected    what the source sent that was not stored, and why
     * @param notCovered  minute starts within the chunk whose data was dropped or refused in part: not counted as
     *                    collected, so a dropped series lowers coverage instead of looking like a quiet minute
     */
    record Fetched(List<TelemetryMinute> minutes, int queries, Rejections rejected, java.util.Set<Instant> notCovered) {

        public Fetched {
            minutes = List.copyOf(minutes);
            notCovered = java.util.Set.copyOf(notCovered);
        }

        /** Everything the source sent was stored. */
        public Fetched(List<TelemetryMinute> minutes, int queries) {
            this(minutes, queries, Rejections.NONE, java.util.Set.of());
        }
    }
}
