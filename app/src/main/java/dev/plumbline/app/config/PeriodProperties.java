package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Which period the pages and the API show when none is asked for. Environment: PLUMBLINE_PERIODS_YOUNG_MONTH_DAYS.
 *
 * @param youngMonthDays while the current month has run fewer days than this, the default is the last complete month
 *                       (0 to 27; 0: only during the month's first hour); afterwards, the current month to date
 */
@ConfigurationProperties(PeriodProperties.PREFIX)
public record PeriodProperties(@Bindable(defaultValue = "7") int youngMonthDays) {

    public static final String PREFIX = "plumbline.periods";

    public PeriodProperties {
        if (youngMonthDays < 0 || youngMonthDays > 27) {
            throw new IllegalArgumentException(PREFIX + ".young-month-days: must be from 0 to 27, was " + youngMonthDays);
        }
    }
}
