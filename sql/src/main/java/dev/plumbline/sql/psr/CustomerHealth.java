package dev.plumbline.sql.psr;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's technical health, 0-100 (null when none of its services has an objective): 100 x the
 * exposure-weighted mean of its slices' health, where a slice's health is 1 - min(1, max(0, badness - 1) / saturation).
 */
public record CustomerHealth(String customer, String customerName, String segment, BigDecimal arrReporting,
                             LocalDate renewalDate, Double health, long servicesUsed, long servicesOverBudget,
                             String worstService, Double worstBadness, double revenueAtRisk) {
}
