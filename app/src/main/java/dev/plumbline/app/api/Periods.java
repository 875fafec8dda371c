package dev.plumbline.app.api;

import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The period every figure, ranking and health endpoint reports, read from its parameters by the application's
 * {@link dev.plumbline.sql.psr.PeriodReader}: {@code month} (2026-10; a running month is cut at the current hour), or
 * {@code from} and {@code to} (dates, both inclusive, UTC, or instants on whole minutes), or nothing for the default
 * month (the last complete month during the first {@code plumbline.periods.young-month-days} days of a month, else
 * the current month to date). Dates and months are from 2000-01-01 to 2099-12-31 ({@link dev.plumbline.sql.psr.Dates}).
 * Bad values are 400s that name the parameter.
 */
final class Periods {

    private Periods() {
    }

    /**
     * A period as the API reports it.
     *
     * @param from  start, inclusive
     * @param to    end, exclusive
     * @param label how a person would name it: "2026-10", "2026-10-01 to 2026-10-15" (whole days, inclusive),
     *              "2026-11-01 00:00 to 2026-11-23 14:00 UTC" (a running month, end exclusive)
     */
    @Serdeable
    record PeriodInfo(Instant from, Instant to, String label) {

        static PeriodInfo of(Period p) {
            return new PeriodInfo(p.from(), p.to(), PeriodParameters.label(p));
        }
    }
}
