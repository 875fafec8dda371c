package dev.plumbline.sql.telemetry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What one source saw for one slice (service x customer) in one whole minute.
 *
 * @param minute        start of the minute (UTC, whole minute)
 * @param requests      requests counted (not necessarily an integer: Prometheus' increase() extrapolates)
 * @param errors        failed requests among them
 * @param latencyLe     histogram bucket upper bounds in seconds, ascending, the last one +Inf; empty if none
 * @param latencyCounts requests per bucket (not cumulative), same length as latencyLe
 * @param mergeable     false when the source only gave percentiles, which must never be merged
 */
public record TelemetryMinute(String service, String customer, String source, Instant minute, double requests,
                              double errors, List<Double> latencyLe, List<Double> latencyCounts, boolean mergeable) {

    public TelemetryMinute {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(minute, "minute");
        latencyLe = List.copyOf(latencyLe);
        latencyCounts = List.copyOf(latencyCounts);
        String where = "telemetry " + source + "/" + service + "/" + customer + " at " + minute;
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw new IllegalArgumentException(where + ": not the start of a whole minute");
        }
        if (!(requests >= 0) || !(errors >= 0) || Double.isInfinite(requests) || Double.isInfinite(errors)) {
            throw new IllegalArgumentException(where + ": requests and errors must be finite and not negative");
        }
        if (latencyLe.size() != latencyCounts.size()) {
            throw new IllegalArgumentException(where + ": " + latencyLe.size() + " bucket bounds but "
                    + latencyCounts.size() + " counts");
        }
        for (int i = 1; i < latencyLe.size(); i++) {
            if (!(latencyLe.get(i) > latencyLe.get(i - 1))) {
                throw new IllegalArgumentException(where + ": bucket bounds must ascend");
            }
        }
        if (!latencyLe.isEmpty() && latencyLe.getLast() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(where + ": the last bucket bound must be +Inf");
        }
    }
}
