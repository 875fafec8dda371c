package dev.plumbline.collectors.spool;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.time.Instant;
import java.util.List;

/**
 * What one collected chunk stores: its minutes, and the collection coverage of the hours it touches. Stored whole or
 * spooled whole.
 *
 * @param coverageHours   the hours the chunk touches
 * @param coverageMinutes for each, the minutes of it collected so far
 */
public record ChunkBatch(String source, Instant from, Instant to, List<TelemetryMinute> minutes,
                         List<Instant> coverageHours, List<Integer> coverageMinutes) {

    public ChunkBatch {
        minutes = List.copyOf(minutes);
        coverageHours = List.copyOf(coverageHours);
        coverageMinutes = List.copyOf(coverageMinutes);
        if (coverageHours.size() != coverageMinutes.size()) {
            throw new IllegalArgumentException(coverageHours.size() + " coverage hours but " + coverageMinutes.size()
                    + " minute counts");
        }
    }
}
