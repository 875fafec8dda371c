package dev.plumbline.sql.psr;

/** A customer segment in the ranking by segment. relativeScore: its revenue at risk as a share of the top one's. */
public record SegmentRisk(String segment, long customersAffected, double revenueAtRisk, Double worstBadness,
                          double relativeScore) {
}
