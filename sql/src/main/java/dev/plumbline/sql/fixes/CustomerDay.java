package dev.plumbline.sql.fixes;

import dev.plumbline.sql.psr.Histogram;
import java.time.LocalDate;

/**
 * One affected customer's day on a fix's service (fix_days.sql, from the daily roll-up).
 *
 * @param histogram the day's merged latency histogram; {@link Histogram#EMPTY} when the day has none that can be merged
 *                  (no buckets, percentiles only, or more than one bucket layout)
 */
public record CustomerDay(LocalDate day, String customer, double requests, double errors, Histogram histogram) {
}
