package dev.plumbline.app.api;

import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Tracked fixes (README, "Tracked fixes"): a fix for a service's availability or latency problem, for some customers,
 * with an owner, a target date and a hypothesis in numbers; once shipped, its effect measured over 14 whole days
 * before and after the ship day (the day itself left out) with Welch's two-sided t-test on the daily values at 95%
 * confidence. Everyone with view-services reads them, money (revenue at risk) only with view-money; pm and admin
 * (track-fixes) track them and mark them shipped.
 */
@Controller("/api/v1/fixes")
@Secured(Permission.VIEW_SERVICES)
@ExecuteOn(TaskExecutors.BLOCKING)
public class FixesController {

    private final FixTracking fixes;

    public FixesController(FixTracking fixes) {
        this.fixes = fixes;
    }

    /** Every tracked fix, the most recently tracked first, each with its measured effect once shipped. */
    @Get
    public List<FixJson> listFixes(Authentication authentication) {
        boolean money = money(authentication);
        return fixes.all().stream().map(t -> FixJson.of(t, money)).toList();
    }

    /**
     * One tracked fix with its measured effect once shipped (per affected customer and overall); 404 for an unknown id.
     *
     * @param id the fix's id
     */
    @Get("/{id}")
    public FixJson getFix(@PathVariable String id, Authentication authentication) {
        return fixes.find(id(id)).map(t -> FixJson.of(t, money(authentication)))
                .orElseThrow(() -> RequestRefused.notFound("id", "no tracked fix " + id));
    }

    /**
     * Tracks a fix (201), planned. Its snapshot is taken now: the affected customers' figure on the service and their
     * revenue at risk over the 14 whole days before today.
     */
    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Permission.TRACK_FIXES)
    public FixJson trackFix(@Body @Nullable TrackBody body, Authentication authentication) {
        if (body == null) {
            throw RequestRefused.badRequest("body", "a fix (JSON object: service, problem, customers, owner, "
                    + "targetDate, hypothesis, and optionally title)");
        }
        HypothesisBody h = body.hypothesis() == null ? new HypothesisBody(null, null, null) : body.hypothesis();
        FixTracking.Request request = new FixTracking.Request(body.title(), body.service(), body.problem(),
                body.customers(), body.owner(), body.targetDate(), h.figure(), h.comparison(), h.value());
        return FixJson.of(fixes.track(request, authentication.getName()), money(authentication));
    }

    /**
     * Marks a fix shipped: at {@code shippedAt}, or at the start of the deploy annotation it shipped with (an
     * annotation of kind deploy on the fix's service); marking it again replaces the ship instant. 404 for an unknown id.
     *
     * @param id the fix's id
     */
    @Post("/{id}/shipped")
    @Secured(Permission.TRACK_FIXES)
    public FixJson markShipped(@PathVariable String id, @Body @Nullable ShippedBody body, Authentication authentication) {
        UUID fix = id(id);
        Instant at = body == null ? null : instant("shippedAt", body.shippedAt());
        UUID deploy = body == null || body.deployAnnotation() == null || body.deployAnnotation().isBlank() ? null
                : uuid("deployAnnotation", body.deployAnnotation());
        return fixes.shipped(fix, at, deploy, authentication.getName()).map(t -> FixJson.of(t, money(authentication)))
                .orElseThrow(() -> RequestRefused.notFound("id", "no tracked fix " + id));
    }

    private static boolean money(Authentication authentication) {
        return Authentications.identity(authentication).orElseThrow().can(Permission.VIEW_MONEY);
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.notFound("id", "no tracked fix " + id);
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(field, "'" + value + "' is not an annotation id (UUID)");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant t = Instant.parse(value.strip());
            if (t.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || !t.isBefore(Instant.parse("2100-01-01T00:00:00Z"))) {
                throw RequestRefused.badRequest(field, value + " is not within 2000-01-01 to 2099-12-31");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw RequestRefused.badRequest(field, "'" + value + "' is not an ISO-8601 instant (2026-11-10T15:00:00Z)");
        }
    }

    /**
     * A fix to track.
     *
     * @param title      what the fix is, in a line (optional)
     * @param service    the service it is on
     * @param problem    the name of one of the service's objectives: an availability or a latency objective
     * @param customers  the affected customer ids (1-500, known customers, each once)
     * @param owner      the person who must make it happen
     * @param targetDate when it should ship, YYYY-MM-DD
     * @param hypothesis what it should achieve, in numbers
     */
    @Serdeable
    public record TrackBody(@Nullable String title, @Nullable String service, @Nullable String problem,
                            @Nullable List<String> customers, @Nullable String owner, @Nullable String targetDate,
                            @Nullable HypothesisBody hypothesis) {
    }

    /**
     * A hypothesis in numbers, e.g. {@code {"figure":"p95_ms","comparison":"below","value":800}}: the affected
     * customers' figure over the 14 days after the ship day against a value.
     *
     * @param figure     error_ratio (an availability problem) or p95_ms (a latency problem)
     * @param comparison below or above
     * @param value      a ratio 0-1 for error_ratio (e.g. the objective's budget 0.001), milliseconds for p95_ms
     */
    @Serdeable
    public record HypothesisBody(@Nullable String figure, @Nullable String comparison, @Nullable Double value) {
    }

    /**
     * How a fix shipped: give shippedAt, deployAnnotation, or both.
     *
     * @param shippedAt        an ISO-8601 instant, not in the future (default: the deploy annotation's start)
     * @param deployAnnotation the id of the deploy annotation it shipped with (kind deploy, on the fix's service)
     */
    @Serdeable
    public record ShippedBody(@Nullable String shippedAt, @Nullable String deployAnnotation) {
    }
}
