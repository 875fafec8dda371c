package dev.plumbline.sql.psr;

import java.time.LocalDate;

/**
 * One day of the whole platform, every service and customer together (platform_days.sql).
 *
 * @param availability 1 - errors / requests of the day; null on a day without requests (nothing collected)
 */
public record PlatformDay(LocalDate day, double requests, double errors, Double availability) {
}
