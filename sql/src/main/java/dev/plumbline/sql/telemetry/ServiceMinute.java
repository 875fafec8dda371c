package dev.plumbline.sql.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One service's minute, all customers and sources summed: as alert backtests replay it.
 *
 * @param latencyLe     the histogram's upper bounds (+Inf last), empty when there is none
 * @param latencyCounts requests per bucket (not cumulative), as many as the bounds
 */
public record ServiceMinute(String service, Instant minute, double requests, double errors, List<Double> latencyLe,
                            List<Double> latencyCounts) {

    public ServiceMinute {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(minute, "minute");
        latencyLe = List.copyOf(latencyLe);
        latencyCounts = List.copyOf(latencyCounts);
        if (latencyLe.size() != latencyCounts.size()) {
            throw new IllegalArgumentException("latencyCounts: " + latencyCounts.size() + " counts for "
                    + latencyLe.size() + " bounds");
        }
    }
}
