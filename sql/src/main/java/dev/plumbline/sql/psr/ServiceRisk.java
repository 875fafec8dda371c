package dev.plumbline.sql.psr;

/**
 * A service in the ranking by service: revenue at risk summed over its customers, per engineer-week of its effort.
 *
 * @param relativeScore ROI as a share of the top service's, 0-100
 */
public record ServiceRisk(String service, long customersAffected, double revenueAtRisk, double effortWeeks, double roi,
                          Double worstBadness, double requests, double relativeScore) {
}
