package dev.plumbline.sql.psr;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ranked slice (customer x service) with every input that produced its place: the figures, the objective it
 * misses most, and the ROI model's steps. Money fields are in the reporting currency unless named otherwise.
 *
 * @param latencyState        ok, none (no latency objective), no-histogram, percentiles-only (a source that gives no
 *                            buckets), mixed-layouts (bucket bounds changed within the period)
 * @param worstKind           availability or latency: which objective gives the badness
 * @param badness             the worst burn over the service's objectives (1 = exactly on budget)
 * @param exposure            share of the customer's requests that go to this service
 * @param relativeScore       this slice's ROI as a share of the top ROI of the ranking, 0-100 (for roles without money)
 */
public record SliceRisk(String service, String customer, boolean customerKnown, String customerName, String segment,
                        String region, String plan, String volumeBand, LocalDate renewalDate, BigDecimal arr,
                        String currency, BigDecimal arrReporting, double requests, double errors, double errorRate,
                        Double availabilityTarget, Double availabilityBadness, String latencyState,
                        String worstLatencyObjective, double worstLatencyThresholdMs, double worstLatencyTarget,
                        double worstSlowShare, Double latencyBadness, double badness, String worstKind,
                        double exposure, boolean renewsSoon, double revenueAtRisk, double effortWeeks, double roi,
                        double relativeScore) {
}
