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
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw refused(source, service, customer, minute, "not the start of a whole minute");
        }
        if (!(requests >= 0) || !(errors >= 0) || Double.isInfinite(requests) || Double.isInfinite(errors)) {
            throw refused(source, service, customer, minute,
                    "requests and errors must be finite and not negative");
        }
        if (latencyLe.size() != latencyCounts.size()) {
            throw refused(source, service, customer, minute,
                    latencyLe.size() + " bucket bounds but " + latencyCounts.size() + " counts");
        }
        for (int i = 1; i < latencyLe.size(); i++) {
            if (!(latencyLe.get(i) > latencyLe.get(i - 1))) {
                throw refused(source, service, customer, minute, "bucket bounds must ascend");
            }
        }
        if (!latencyLe.isEmpty() && latencyLe.getLast() != Double.POSITIVE_INFINITY) {
            throw refused(source, service, customer, minute, "the last bucket bound must be +Inf");
        }
    }

    /** A refusal naming the minute; its text is built only when one is thrown (a backfill makes millions). */
    private static IllegalArgumentException refused(String source, String service, String customer, Instant minute,
                                                    String what) {
        return new IllegalArgumentException("telemetry " + source + "/" + service + "/" + customer + " at " + minute
                + ": " + what);
    }
}
