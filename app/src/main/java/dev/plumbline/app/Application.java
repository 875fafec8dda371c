package dev.plumbline.app;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts Plumbline: REST API, Vaadin dashboards, health and self-metrics on one port. */
@OpenAPIDefinition(
        info = @Info(title = "Plumbline", version = "0.1.0",
                description = "Platform performance, scalability and reliability figures joined with revenue. "
                        + "Every error has the body {status, error, message, path, details[{field, message}]}, "
                        + "and a server error (5xx) also errorId, the id of the log line with its cause; a 503 comes "
                        + "with Retry-After: the store is unreachable, or busy (more statements waiting for it than "
                        + "plumbline.clickhouse.queue, or one waited plumbline.clickhouse.queue-wait). A token revoked "
                        + "or a user disabled through another replica stops working within "
                        + "plumbline.security.identity-refresh (10 s). A query parameter an endpoint does not take, or one given twice, is a 400 "
                        + "naming it; booleans are true or false; dates, months and instants are ISO-8601 from "
                        + "2000-01-01 to 2099-12-31 (UTC). A request body over its limit (plumbline.limits) is a 413, "
                        + "one without Content-Length a 411."),
        security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic"),
            @SecurityRequirement(name = "session")})
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "plb_<id>.<secret>",
        description = "API token created by an administrator; acts with one role")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "User name and password of a Plumbline user")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "JSESSIONID", description = "The dashboards' session; writes must come from the same origin")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
