package dev.plumbline.sql.telemetry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One slice's telemetry for one whole hour (the hourly roll-up); fields as in {@link TelemetryMinute}.
 *
 * @param minutes the minutes with data that went into it (1-60)
 */
public record TelemetryHour(String service, String customer, String source, Instant hour, double requests,
                            double errors, List<Double> latencyLe, List<Double> latencyCounts, boolean mergeable,
                            int minutes) {

    public TelemetryHour {
        Objects.requireNonNull(hour, "hour");
        latencyLe = List.copyOf(latencyLe);
        latencyCounts = List.copyOf(latencyCounts);
        if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
            throw new IllegalArgumentException("telemetry hour " + hour + ": not the start of a whole hour");
        }
        if (latencyLe.size() != latencyCounts.size()) {
            throw new IllegalArgumentException("telemetry hour " + hour + ": bounds and counts differ in length");
        }
        if (minutes < 1 || minutes > 60) {
            throw new IllegalArgumentException("telemetry hour " + hour + ": minutes must be 1 to 60, was " + minutes);
        }
    }
}
