package dev.plumbline.app.api;

import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The service catalog: services with their objectives. */
@Controller("/api/v1/services")
@Secured(Permission.VIEW_SERVICES)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ServicesController {

    private final ServiceCatalogStore catalog;

    public ServicesController(ServiceCatalogStore catalog) {
        this.catalog = catalog;
    }

    /** A page of services ordered by name. */
    @Get
    public Page<CatalogEntry> listServices(@QueryValue(defaultValue = "0") @Min(0) int offset,
                                   @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new Page<>(catalog.countServices(), offset, limit, catalog.page(offset, limit));
    }

    /** One service by name. */
    @Get("/{name}")
    public CatalogEntry getService(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,128}") String name) {
        return catalog.find(name).orElseThrow(() -> RequestRefused.notFound("name", "no service named '" + name + "'"));
    }
}
