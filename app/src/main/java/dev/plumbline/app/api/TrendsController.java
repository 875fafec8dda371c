package dev.plumbline.app.api;

import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.psr.CustomerTrend;
import dev.plumbline.sql.psr.Dates;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.ServiceTrend;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A service's or a customer's days, as the Service and Customer pages chart them: a service's for roles with
 * view-services, a customer's for roles with view-business (as those pages).
 */
@Controller("/api/v1/trends")
@Secured(Permission.VIEW_SERVICES)   // the Service page's; a customer's trend: the Customer page's
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrendsController {

    private final PsrEngine engine;
    private final ServiceCatalogStore catalog;
    private final CustomerStore customers;
    private final Clock clock;

    public TrendsController(PsrEngine engine, ServiceCatalogStore catalog, CustomerStore customers, Clock clock) {
        this.engine = engine;
        this.catalog = catalog;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Per day up to today (UTC, today included): requests, errors, error rate, p95 from the day's merged histogram;
     * and requests per customer segment.
     *
     * @param name the service
     * @param days how many days, today included (default 90)
     */
    @Get("/services/{name}")
    public ServiceTrend service(@PathVariable String name, @QueryValue(defaultValue = "90") @Min(1) @Max(400) int days) {
        if (catalog.find(name).isEmpty()) {
            throw RequestRefused.notFound("name", "no service named '" + name + "'");
        }
        LocalDate end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        return engine.serviceTrend(name, end.minusDays(days), end);
    }

    /**
     * One customer's days per service it used, up to {@code until} (included): requests, errors, error rate, p95 from
     * the day's merged histogram; its six busiest services of the range (most requests first); per day over all its
     * services (totals): requests, errors, error rate and the requests to its other services (null when it used no
     * service beyond the six). What the Customer page charts. Days without telemetry are absent.
     *
     * @param id    the customer's id
     * @param days  how many days, {@code until} included (default 90)
     * @param until the last day, YYYY-MM-DD within 2000-01-01 to 2099-12-31 (default today, UTC)
     */
    @Get("/customers/{id}")
    @Secured(Permission.VIEW_BUSINESS)
    public CustomerTrend customer(@PathVariable String id, @QueryValue(defaultValue = "90") @Min(1) @Max(400) int days,
                                  @Nullable @QueryValue String until) {
        LocalDate last = lastDay(until);
        if (customers.find(id, last).isEmpty() && customers.history(id).isEmpty()) {
            throw RequestRefused.notFound("id", "no customer with id '" + id + "'");
        }
        return engine.customerTrend(id, last.plusDays(1).minusDays(days), last.plusDays(1));
    }

    private LocalDate lastDay(String until) {
        if (until == null || until.isBlank()) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        return Dates.date("until", until);
    }
}
