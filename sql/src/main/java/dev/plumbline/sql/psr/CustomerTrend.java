package dev.plumbline.sql.psr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A customer's days per service, and over all its services: what the Customer page charts and
 * /api/v1/trends/customers/{id} serves. {@link #of} derives the totals from the service days. Pure.
 *
 * @param busiest its {@value #BUSIEST} busiest services of the range, most requests first (ties by name): the ones
 *                charted by name; the rest are "other services"
 * @param days    per day and service the customer used: requests, errors, error rate, p95 from the day's merged
 *                histogram (null when it cannot be merged); days without telemetry are absent
 * @param totals  per day with telemetry, over all its services ({@link CustomerDay})
 */
public record CustomerTrend(String customer, List<String> busiest, List<ServiceDay> days, List<CustomerDay> totals) {

    /** How many of a customer's services are charted by name. */
    public static final int BUSIEST = 6;

    public CustomerTrend {
        busiest = List.copyOf(busiest);
        days = List.copyOf(days);
        totals = List.copyOf(totals);
    }

    public record ServiceDay(LocalDate day, String service, double requests, double errors, double errorRate,
                             Double p95Seconds) {
    }

    /** The trend of {@code days} (one customer's, per day and service): its busiest services and its daily totals. */
    public static CustomerTrend of(String customer, List<ServiceDay> days) {
        Map<String, Double> byService = new LinkedHashMap<>();
        days.forEach(d -> byService.merge(d.service(), d.requests(), Double::sum));
        List<String> busiest = byService.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(BUSIEST).map(Map.Entry::getKey).toList();
        Set<String> named = new HashSet<>(busiest);
        boolean others = byService.size() > busiest.size();
        Map<LocalDate, double[]> perDay = new TreeMap<>();   // requests, errors, requests of other services
        for (ServiceDay d : days) {
            double[] t = perDay.computeIfAbsent(d.day(), k -> new double[3]);
            t[0] += d.requests();
            t[1] += d.errors();
            t[2] += named.contains(d.service()) ? 0 : d.requests();
        }
        List<CustomerDay> totals = new ArrayList<>();
        perDay.forEach((day, t) -> totals.add(new CustomerDay(day, t[0], t[1], t[0] > 0 ? t[1] / t[0] : null,
                others ? t[2] : null)));
        return new CustomerTrend(customer, busiest, days, totals);
    }
}
