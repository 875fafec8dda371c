package dev.plumbline.app.api;

import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.ServiceTrend;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A service's days, as the Service page charts them. */
@Controller("/api/v1/trends")
@Secured({Permission.VIEW_SERVICES, Permission.VIEW_BUSINESS})
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrendsController {

    private final PsrEngine engine;
    private final ServiceCatalogStore catalog;
    private final Clock clock;

    public TrendsController(PsrEngine engine, ServiceCatalogStore catalog, Clock clock) {
        this.engine = engine;
        this.catalog = catalog;
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
            throw new NotFoundException("no service named '" + name + "'");
        }
        LocalDate end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        return engine.serviceTrend(name, end.minusDays(days), end);
    }
}
