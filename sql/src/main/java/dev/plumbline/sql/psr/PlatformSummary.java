package dev.plumbline.sql.psr;

import dev.plumbline.sql.catalog.Indicator;
import java.math.BigDecimal;
import java.util.List;

/**
 * The executive summary's figures for a period, next to the previous period's. Pure: {@link #of} derives them from
 * the per-service figures and the customers' health, the same records the other pages and the API show.
 *
 * @param availability             the platform's availability: 1 - all errors / all requests, every service
 * @param previousAvailability     the same for the previous period (null without traffic then)
 * @param availabilityChange       availability - previous availability (a difference of shares; null when either is)
 * @param availabilityObjective    the availability the platform would have if every service with an availability
 *                                 objective exactly spent its budget: 1 - sum(requests x (1 - target)) / sum(requests)
 *                                 over those services (the Summary chart's objective line; null when none has one)
 * @param servicesMeetingObjectives services whose every judged objective stayed within budget
 * @param servicesWithObjectives    services with at least one judged objective
 * @param withinLatencyObjectives   share of the requests of services with a judged latency objective that were faster
 *                                  than the service's strictest judged threshold: 1 - that objective's bad share,
 *                                  weighted by the service's requests (null when no latency objective is judged)
 * @param latencyObjectivesMet      judged latency objectives that stayed within budget
 * @param latencyObjectivesJudged   latency objectives judged (every service's)
 * @param arrInsideObjectives       ARR of customers none of whose services is over budget / ARR of all customers
 *                                  with traffic (null when no customer has ARR)
 * @param revenueAtRisk            revenue at risk summed over every customer (reporting currency)
 * @param customers                customers with traffic in the period
 */
public record PlatformSummary(Double availability, Double previousAvailability, Double availabilityChange,
                              Double availabilityObjective,
                              long servicesMeetingObjectives, long servicesWithObjectives,
                              Double withinLatencyObjectives, long latencyObjectivesMet, long latencyObjectivesJudged,
                              Double arrInsideObjectives, double revenueAtRisk, long customers) {

    /**
     * The customers' side of the summary.
     *
     * @param arr         ARR of all customers with traffic
     * @param arrOutside  ARR of those with at least one service over budget
     */
    public record CustomerTotals(double arr, double arrOutside, double revenueAtRisk, long customers) {
    }

    /** From the services' figures (with last period's) and every customer's health in the same period. */
    public static PlatformSummary of(List<MonthOverMonth> services, List<CustomerHealth> customers) {
        double previousRequests = 0;
        double previousErrors = 0;
        for (MonthOverMonth m : services) {
            if (m.previous() != null) {
                previousRequests += m.previous().requests();
                previousErrors += m.previous().errors();
            }
        }
        BigDecimal arr = BigDecimal.ZERO;
        BigDecimal outside = BigDecimal.ZERO;
        double risk = 0;
        for (CustomerHealth c : customers) {
            BigDecimal a = c.arrReporting() == null ? BigDecimal.ZERO : c.arrReporting();
            arr = arr.add(a);
            if (c.servicesOverBudget() > 0) {
                outside = outside.add(a);
            }
            risk += c.revenueAtRisk();
        }
        return of(services.stream().map(MonthOverMonth::current).toList(), previousRequests, previousErrors,
                new CustomerTotals(arr.doubleValue(), outside.doubleValue(), risk, customers.size()));
    }

    /** From this period's service figures, last period's platform totals and the customers' totals. */
    public static PlatformSummary of(List<Figures> services, double previousRequests, double previousErrors,
                                     CustomerTotals customers) {
        double requests = 0;
        double errors = 0;
        long meeting = 0;
        long judged = 0;
        double latencyRequests = 0;
        double fastRequests = 0;
        long latencyMet = 0;
        long latencyJudged = 0;
        double objectiveRequests = 0;
        double allowedErrors = 0;
        for (Figures f : services) {
            var target = f.objectives().stream().filter(o -> o.objective().indicator() == Indicator.AVAILABILITY
                    && !o.objective().budgeting().timeSliced()).mapToDouble(o -> o.objective().target()).max();
            if (target.isPresent() && f.requests() > 0) {
                objectiveRequests += f.requests();
                allowedErrors += f.requests() * (1 - target.getAsDouble());
            }
            requests += f.requests();
            errors += f.errors();
            List<ObjectiveResult> results = f.objectives().stream().filter(o -> o.met() != null).toList();
            if (!results.isEmpty()) {
                judged++;
                if (results.stream().allMatch(ObjectiveResult::met)) {
                    meeting++;
                }
            }
            List<ObjectiveResult> latency = results.stream()
                    .filter(o -> o.objective().indicator() == Indicator.LATENCY && o.badShare() != null).toList();
            latencyJudged += latency.size();
            latencyMet += latency.stream().filter(ObjectiveResult::met).count();
            // the strictest threshold has the largest share of slow requests (a time-slice objective's bad share
            // is of slices, not of requests: it counts as judged and met, not here)
            List<ObjectiveResult> byRequests = latency.stream().filter(o -> !o.objective().budgeting().timeSliced())
                    .toList();
            if (!byRequests.isEmpty()) {
                double worst = byRequests.stream().mapToDouble(ObjectiveResult::badShare).max().orElseThrow();
                latencyRequests += f.requests();
                fastRequests += f.requests() * (1 - worst);
            }
        }
        Double availability = requests > 0 ? 1 - errors / requests : null;
        Double previous = previousRequests > 0 ? 1 - previousErrors / previousRequests : null;
        return new PlatformSummary(availability, previous,
                availability == null || previous == null ? null : availability - previous,
                objectiveRequests > 0 ? 1 - allowedErrors / objectiveRequests : null, meeting, judged,
                latencyRequests > 0 ? fastRequests / latencyRequests : null, latencyMet, latencyJudged,
                customers.arr() > 0 ? (customers.arr() - customers.arrOutside()) / customers.arr() : null,
                customers.revenueAtRisk(), customers.customers());
    }

    /**
     * What changed from the previous period, card by card; null where either period has no figure (the previous
     * period had no traffic, no objective was judged, no customer had ARR).
     *
     * @param availability            a difference of shares (0.0001 = 0.01 pp)
     * @param servicesMeetingObjectives services meeting their objectives, now less then
     * @param withinLatencyObjectives a difference of shares
     * @param arrInsideObjectives     a difference of shares
     * @param revenueAtRisk           reporting currency
     */
    public record Changes(Double availability, Long servicesMeetingObjectives, Double withinLatencyObjectives,
                          Double arrInsideObjectives, Double revenueAtRisk) {

        /** The same without money (for roles without view-money). */
        public Changes withoutMoney() {
            return new Changes(availability, servicesMeetingObjectives, withinLatencyObjectives, arrInsideObjectives,
                    null);
        }
    }

    /** This period's figures against {@code previous}'s (null: no previous figures). */
    public Changes against(PlatformSummary previous) {
        if (previous == null || previous.availability() == null) {
            return new Changes(availabilityChange, null, null, null, null);
        }
        return new Changes(availabilityChange,
                servicesWithObjectives > 0 && previous.servicesWithObjectives() > 0
                        ? servicesMeetingObjectives - previous.servicesMeetingObjectives() : null,
                difference(withinLatencyObjectives, previous.withinLatencyObjectives()),
                difference(arrInsideObjectives, previous.arrInsideObjectives()),
                revenueAtRisk - previous.revenueAtRisk());
    }

    private static Double difference(Double now, Double before) {
        return now == null || before == null ? null : now - before;
    }
}
