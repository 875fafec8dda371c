package dev.plumbline.sql.psr;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer's days per service: what the Customer page charts.
 *
 * @param days per day and service the customer used: requests, errors, error rate, p95 from the day's merged histogram
 *             (null when it cannot be merged); days without telemetry are absent
 */
public record CustomerTrend(String customer, List<ServiceDay> days) {

    public CustomerTrend {
        days = List.copyOf(days);
    }

    public record ServiceDay(LocalDate day, String service, double requests, double errors, double errorRate,
                             Double p95Seconds) {
    }
}
