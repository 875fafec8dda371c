package dev.plumbline.app.api;

import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.psr.Dates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Deploys, launches, incidents and notes, e.g. posted by a CI pipeline with an API token:
 * {@code curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json'
 * -d '{"kind":"deploy","service":"search","text":"search 4.2.0"}' https://plumbline/api/v1/annotations}.
 */
@Controller("/api/v1/annotations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AnnotationsController {

    private final AnnotationStore annotations;
    private final ServiceCatalogStore catalog;
    private final Clock clock;

    public AnnotationsController(AnnotationStore annotations, ServiceCatalogStore catalog, Clock clock) {
        this.annotations = annotations;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Records an annotation; without a time it is now. Times are ISO-8601 instants within
     * 2000-01-01 to 2099-12-31 (UTC).
     */
    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Permission.ANNOTATE)
    public AnnotationInfo createAnnotation(@Body @Valid NewAnnotation body) {
        AnnotationKind kind;
        try {
            kind = AnnotationKind.fromSql(body.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind: '" + body.kind() + "' is not one of deploy, launch, incident, note");
        }
        Instant time = instant("time", body.time());
        Instant begin = instant("start", body.start());
        Instant end = instant("end", body.end());
        if (begin != null && time != null) {
            throw new IllegalArgumentException("time: give either time (a moment) or start and end (a range), not both");
        }
        Instant start = begin != null ? begin : time != null ? time : clock.instant();
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end: " + end + " is before start " + start);
        }
        if (start.isAfter(clock.instant().plus(Duration.ofDays(366)))) {
            throw new IllegalArgumentException((begin != null ? "start: " : "time: ") + start + " is more than a year ahead");
        }
        String service = body.service() == null ? "" : body.service().strip();
        if (!service.isEmpty() && catalog.find(service).isEmpty()) {
            throw new IllegalArgumentException("service: no service named '" + service + "' in the catalog");
        }
        String link = body.link() == null ? "" : body.link().strip();
        if (!link.isEmpty()) {
            URI uri;
            try {
                uri = URI.create(link);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("link: '" + link + "' is not a URL");
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("link: must be an http or https URL, was '" + link + "'");
            }
        }
        Annotation a = new Annotation(UUID.randomUUID(), start, end, service,
                body.customer() == null ? "" : body.customer().strip(), kind, body.text().strip(), link);
        annotations.insert(List.of(a));
        return AnnotationInfo.of(a);
    }

    /**
     * Annotations overlapping [from, to) (default: the last 30 days), oldest first.
     *
     * @param from an ISO-8601 instant within 2000-01-01 to 2099-12-31 (UTC)
     * @param to   an ISO-8601 instant within 2000-01-01 to 2099-12-31 (UTC)
     */
    @Get
    @Secured(Permission.VIEW_SERVICES)   // the Service page's, which marks them
    public List<AnnotationInfo> listAnnotations(@Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                                                @Nullable @QueryValue String service,
                                                @Nullable @QueryValue String customer,
                                                @Nullable @QueryValue String kind,
                                                @QueryValue(defaultValue = "1000") @Min(1) @Max(10000) int limit) {
        Instant end = to == null ? clock.instant().plus(Duration.ofDays(1)) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(31)) : from;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from: " + start + " is not before to " + end);
        }
        AnnotationKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = AnnotationKind.fromSql(kind.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind: '" + kind + "' is not one of deploy, launch, incident, note");
            }
        }
        return annotations.find(start, end, service == null ? "" : service, customer == null ? "" : customer, k, limit)
                .stream().map(AnnotationInfo::of).toList();
    }

    /**
     * What a pipeline posts. Give {@code time} for a moment, or {@code start} and {@code end} for a range.
     *
     * @param kind  deploy, launch, incident or note
     * @param time  an ISO-8601 instant such as 2026-10-01T12:00:00Z, within 2000-01-01 to 2099-12-31 (UTC)
     * @param start as time
     * @param end   as time
     */
    @Serdeable
    public record NewAnnotation(@NotBlank String kind, @NotBlank @Size(max = 2000) String text,
                                @Nullable @Size(max = 64) String time, @Nullable @Size(max = 64) String start,
                                @Nullable @Size(max = 64) String end,
                                @Nullable @Size(max = 128) String service, @Nullable @Size(max = 128) String customer,
                                @Nullable @Size(max = 2000) String link) {
    }

    private static Instant instant(String field, String text) {
        return text == null || text.isBlank() ? null : Dates.instant(field, text);
    }

    /** An annotation as listed. */
    @Serdeable
    public record AnnotationInfo(UUID id, String kind, Instant start, @Nullable Instant end, String service,
                                 String customer, String text, String link) {

        static AnnotationInfo of(Annotation a) {
            return new AnnotationInfo(a.id(), a.kind().sqlValue(), a.startsAt(), a.endsAt(), a.service(), a.customer(),
                    a.text(), a.link());
        }
    }
}
