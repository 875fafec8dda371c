package dev.plumbline.sql.psr;

import java.time.Clock;
import java.time.YearMonth;

/**
 * {@link PeriodParameters} with the application's clock and its setting for the default month: what the REST API and
 * the pages read their period parameters with, so a link and an API call mean the same period.
 *
 * @param youngMonthDays while the current month has run fewer days, the default is the last complete month
 *                       ({@code plumbline.periods.young-month-days}, 0 to 27)
 */
public record PeriodReader(Clock clock, int youngMonthDays) {

    public PeriodReader {
        PeriodParameters.defaultMonth(clock.instant(), youngMonthDays);   // refuses a setting out of range
    }

    public Period parse(String month, String from, String to) {
        return PeriodParameters.parse(month, from, to, clock, youngMonthDays);
    }

    /** The month shown when a page's URL names none. */
    public YearMonth defaultMonth() {
        return PeriodParameters.defaultMonth(clock.instant(), youngMonthDays);
    }
}
