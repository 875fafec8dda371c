package dev.plumbline.sql.psr;

import java.time.LocalDate;

/**
 * A day of one customer over all its services ({@link CustomerTrend#of}).
 *
 * @param errorRate             errors / requests of all its services (null when the day had no requests)
 * @param otherServicesRequests requests to the services not among its busiest ({@link CustomerTrend#busiest}); null
 *                              when the customer used none beyond them in the range (there is no "other services")
 */
public record CustomerDay(LocalDate day, double requests, double errors, Double errorRate, Double otherServicesRequests) {
}
