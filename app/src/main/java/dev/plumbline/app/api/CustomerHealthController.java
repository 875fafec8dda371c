package dev.plumbline.app.api;

import static dev.plumbline.app.api.Csv.column;

import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.psr.CustomerHealth;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.Ranking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers' technical health, 0-100: 100 x the exposure-weighted mean over the customer's services with an
 * objective of 1 - min(1, max(0, badness - 1) / saturation). Worst first. Period parameters: {@link Periods}.
 */
@Controller("/api/v1/customer-health")
@Secured(Permission.VIEW_BUSINESS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomerHealthController {

    private final PsrEngine engine;
    private final PeriodReader periods;

    private final Exports exports;

    public CustomerHealthController(PsrEngine engine, PeriodReader periods, Exports exports) {
        this.exports = exports;
        this.engine = engine;
        this.periods = periods;
    }

    /**
     * Health scores, worst first (customers without any objective last).
     *
     * @param customer only this customer (by id)
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     */
    @Get
    public PsrPage<HealthScore> customerHealth(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                               @Nullable @QueryValue String to,
                                               @Nullable @QueryValue @Size(max = 128) String customer,
                                               @QueryValue(defaultValue = "0") @Min(0) int offset,
                                               @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                               Authentication authentication) {
        Period period = periods.parse(month, from, to);
        Ranking<CustomerHealth> health = engine.health(period, customer == null ? "" : customer.strip(), offset, limit);
        boolean money = RankingsController.money(authentication);
        return new PsrPage<>(Periods.PeriodInfo.of(period), null, health.total(), offset, limit,
                health.rows().stream().map(h -> HealthScore.of(h, money, engine.rates().reporting())).toList());
    }

    /**
     * {@link #customerHealth} as CSV: every customer.
     *
     * @param month a month like 2026-10, from 2000-01 to 2099-12 (a running month ends at the current hour; none: the
     *              default month: the last complete one in a month's first 7 days, else the month to date)
     * @param from  first day (2026-10-01) or first minute (2026-10-01T09:15:00Z), with to (UTC, 2000-2099)
     * @param to    last day (inclusive) or the minute the range ends at (exclusive), as from
     * @param format csv (the default) or datapackage: a zip with the CSV and its Frictionless Data Package
     *               descriptor (datapackage.json: each field's type, unit and definition)
     */
    @Get(value = "/export.csv", produces = {"text/csv", "application/zip"})
    @Secured(Permission.EXPORT)
    public HttpResponse<?> customerHealthCsv(@Nullable @QueryValue String month, @Nullable @QueryValue String from,
                                                  @Nullable @QueryValue String format,
                                                  @Nullable @QueryValue String to, Authentication authentication) {
        Period period = periods.parse(month, from, to);
        boolean money = RankingsController.money(authentication);
        String currency = engine.rates().reporting();
        List<HealthScore> rows = engine.health(period, "", 0, 1_000_000).rows().stream()
                .map(h -> HealthScore.of(h, money, currency)).toList();
        List<Csv.Column<HealthScore>> c = new ArrayList<>(List.of(column("customer", HealthScore::customer),
                column("customer name", HealthScore::customerName), column("segment", HealthScore::segment),
                column("renewal date", HealthScore::renewalDate), Csv.number("health", "0-100", HealthScore::health, 0),
                column("services used", HealthScore::servicesUsed),
                column("services over budget", HealthScore::servicesOverBudget),
                column("worst service", HealthScore::worstService), Csv.number("worst badness", "x", HealthScore::worstBadness, 1)));
        if (money) {
            c.addAll(List.of(Csv.money("arr", currency, HealthScore::arrReporting),
                    Csv.money("revenue at risk", currency, HealthScore::revenueAtRisk)));
        }
        return exports.respond(format, "customer-health-" + FiguresController.name(period),
                "Plumbline: customers' technical health, " + Periods.PeriodInfo.of(period).label(), c, rows);
    }

    /**
     * A customer's health. Money fields (arrReporting, reportingCurrency, revenueAtRisk) only with money permission.
     *
     * @param health             0-100, null when none of its services has an objective
     * @param servicesOverBudget services on which its badness is above 1
     * @param worstService       the service with its highest badness
     */
    @Serdeable
    public record HealthScore(String customer, String customerName, String segment, @Nullable LocalDate renewalDate,
                              @Nullable Double health, long servicesUsed, long servicesOverBudget, String worstService,
                              @Nullable Double worstBadness, @Nullable BigDecimal arrReporting,
                              @Nullable String reportingCurrency, @Nullable Double revenueAtRisk) {

        static HealthScore of(CustomerHealth h, boolean money, String reporting) {
            return new HealthScore(h.customer(), h.customerName(), h.segment(), h.renewalDate(), h.health(),
                    h.servicesUsed(), h.servicesOverBudget(), h.worstService(), h.worstBadness(),
                    money ? h.arrReporting() : null, money ? reporting : null, money ? h.revenueAtRisk() : null);
        }
    }
}
