package dev.plumbline.app.api;

import dev.plumbline.app.collect.CollectorService;
import dev.plumbline.app.collect.SourceStatus;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.psr.Dates;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/** Telemetry sources: their state (for the Collectors page) and backfills. */
@Controller("/api/v1/collectors")
public class CollectorsController {

    private final CollectorService collectors;

    public CollectorsController(CollectorService collectors) {
        this.collectors = collectors;
    }

    /** Every configured source: state, last success, lag, errors, rows written, circuit, spool, running backfill. */
    @Get
    @Secured(Permission.VIEW_COLLECTORS)
    public List<SourceStatus> status() {
        return collectors.status();
    }

    /**
     * Starts collecting [from, to) of one source again (whole minutes; what is stored is replaced, never doubled).
     * Answers at once; the progress shows in the source's status.
     *
     * @param source the source's configured name
     * @param range  from and to as ISO-8601 instants, e.g. 2026-10-01T00:00:00Z, within 2000-01-01 to 2099-12-31
     */
    @Post("/{source}/backfill")
    @Status(HttpStatus.ACCEPTED)
    @Secured(Permission.ADMINISTER)
    public SourceStatus backfill(@PathVariable String source, @Body BackfillRange range) {
        Instant from = instant("from", range.from());
        Instant to = instant("to", range.to());
        try {
            return collectors.backfill(source, from, to);
        } catch (NoSuchElementException e) {
            throw RequestRefused.notFound("source", e.getMessage());
        }
    }

    /** A backfill's range. */
    @Serdeable
    public record BackfillRange(String from, String to) {
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": required, an ISO-8601 instant such as 2026-10-01T00:00:00Z");
        }
        return Dates.instant(name, value);
    }
}
