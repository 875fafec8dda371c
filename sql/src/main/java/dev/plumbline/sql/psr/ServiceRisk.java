package dev.plumbline.sql.psr;

import java.util.Comparator;
import java.util.List;

/**
 * A service in the ranking by service: revenue at risk summed over its customers, per engineer-week of its effort.
 *
 * @param problem             the kind of its worst slice over budget: availability or latency ("" when none is)
 * @param largestCustomer     the affected customer with the most revenue at risk (id; "" when none is affected)
 * @param largestCustomerName that customer's name
 * @param relativeScore       ROI as a share of the top service's, 0-100
 */
public record ServiceRisk(String service, long customersAffected, String problem, String largestCustomer,
                          String largestCustomerName, double revenueAtRisk, double effortWeeks, double roi,
                          Double worstBadness, double requests, double relativeScore) {

    /**
     * The executive's largest risks, grouped by the fix that removes them: the services with customers over budget,
     * most revenue at risk first (then the worst burn, then the name), at most {@code top}.
     */
    public static List<ServiceRisk> largestRisks(List<ServiceRisk> services, int top) {
        return services.stream().filter(s -> s.customersAffected() > 0)
                .sorted(Comparator.comparingDouble(ServiceRisk::revenueAtRisk).reversed()
                        .thenComparing(s -> s.worstBadness() == null ? 0 : -s.worstBadness())
                        .thenComparing(ServiceRisk::service))
                .limit(top).toList();
    }
}
