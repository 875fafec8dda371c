package dev.plumbline.sql.psr;

import java.math.BigDecimal;
import java.util.List;

/**
 * The executive summary's figures for a period, next to the previous period's. Pure: {@link #of} derives them from
 * the per-service figures and the customers' health, the same records the other pages and the API show.
 *
 * @param availability             the platform's availability: 1 - all errors / all requests, every service
 * @param previousAvailability     the same for the previous period (null without traffic then)
 * @param servicesMeetingObjectives services whose every judged objective stayed within budget
 * @param servicesWithObjectives    services with at least one judged objective
 * @param arrInsideObjectives       ARR of customers none of whose services is over budget / ARR of all customers
 *                                  with traffic (null when no customer has ARR)
 * @param revenueAtRisk            revenue at risk summed over every customer (reporting currency)
 * @param customers                customers with traffic in the period
 */
public record PlatformSummary(Double availability, Double previousAvailability, long servicesMeetingObjectives,
                              long servicesWithObjectives, Double arrInsideObjectives, double revenueAtRisk,
                              long customers) {

    /** From the services' figures (with last period's) and every customer's health in the same period. */
    public static PlatformSummary of(List<MonthOverMonth> services, List<CustomerHealth> customers) {
        double requests = 0;
        double errors = 0;
        double previousRequests = 0;
        double previousErrors = 0;
        long meeting = 0;
        long judged = 0;
        for (MonthOverMonth m : services) {
            requests += m.current().requests();
            errors += m.current().errors();
            if (m.previous() != null) {
                previousRequests += m.previous().requests();
                previousErrors += m.previous().errors();
            }
            List<ObjectiveResult> results = m.current().objectives().stream().filter(o -> o.met() != null).toList();
            if (!results.isEmpty()) {
                judged++;
                if (results.stream().allMatch(ObjectiveResult::met)) {
                    meeting++;
                }
            }
        }
        BigDecimal arr = BigDecimal.ZERO;
        BigDecimal inside = BigDecimal.ZERO;
        double risk = 0;
        for (CustomerHealth c : customers) {
            BigDecimal a = c.arrReporting() == null ? BigDecimal.ZERO : c.arrReporting();
            arr = arr.add(a);
            if (c.servicesOverBudget() == 0) {
                inside = inside.add(a);
            }
            risk += c.revenueAtRisk();
        }
        return new PlatformSummary(requests > 0 ? 1 - errors / requests : null,
                previousRequests > 0 ? 1 - previousErrors / previousRequests : null, meeting, judged,
                arr.signum() > 0 ? inside.doubleValue() / arr.doubleValue() : null, risk, customers.size());
    }
}
