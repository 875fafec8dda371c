package dev.plumbline.sql.alerts;

import java.time.Instant;
import java.util.Locale;

/**
 * The minutes a backtest replays and where they came from.
 *
 * @param counts          every minute of [from - the longest window, to), zeros where nothing came
 * @param resolution      which minutes were read
 * @param keptDays        how long those minutes are kept
 * @param minutesMissing  minutes with data in the hourly roll-up that have no minute kept (written as hours only, or
 *                        past the TTL): the backtest saw no request in them
 * @param minutesUnjudged minutes with requests whose latency could not be judged (no histogram, percentiles only,
 *                        or bucket layouts that differ): counted as minutes without requests; 0 for availability
 */
public record AlertHistory(MinuteCounts counts, Resolution resolution, int keptDays, long minutesMissing,
                           long minutesUnjudged) {

    /** Which minutes a backtest reads. */
    public enum Resolution {
        /** the per-service minutes, all customers summed (service_minute), kept long */
        SERVICE_MINUTES("service-minutes"),
        /** the raw minutes of the customers of a slice (telemetry_minute), kept for the raw TTL */
        CUSTOMER_MINUTES("customer-minutes");

        private final String label;

        Resolution(String label) {
            this.label = label;
        }

        /** As the API writes it. */
        public String label() {
            return label;
        }
    }

    /** A sentence saying which minutes were read and what is missing, as the API and the pages write it. */
    public String note() {
        String read = resolution == Resolution.SERVICE_MINUTES
                ? "per-minute counts of the service, all customers summed (kept " + keptDays + " days)"
                : "raw per-minute counts of the slice's customers (kept " + keptDays + " days)";
        StringBuilder out = new StringBuilder("Replayed on ").append(read).append('.');
        if (minutesMissing > 0) {
            out.append(String.format(Locale.ROOT, " %,d minutes with traffic are kept as hours only (history written as "
                    + "hours, or older than the minutes kept): the backtest sees no request in them.", minutesMissing));
        }
        if (minutesUnjudged > 0) {
            out.append(String.format(Locale.ROOT, " %,d minutes have no histogram whose latency can be judged (a source"
                    + " with percentiles only, or bucket layouts that differ): counted as minutes without requests.",
                    minutesUnjudged));
        }
        return out.toString();
    }

    public Instant start() {
        return counts.start();
    }
}
