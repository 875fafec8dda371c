package dev.plumbline.app.api;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.explore.ExploreQuery;
import dev.plumbline.sql.explore.SavedView;
import dev.plumbline.sql.explore.SavedViews;
import dev.plumbline.sql.explore.ViewRefused;
import dev.plumbline.sql.psr.PeriodReader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Saved Explore views: a figure, a grouping, a service and a period under a name, private to its owner or shared.
 * Everyone who may see a view's figures lists and opens it (a view of money is not listed for a role without
 * view-money); pm and admin (permission save-views) save them; the owner or an administrator changes or deletes a
 * view. Opening a view is {@code /explore?view=ID}; the figures are {@code /api/v1/explore}
 * with the view's parameters. Explore never changes the Summary or the Review.
 */
@Controller("/api/v1/views")
@Secured(Permission.VIEW_SERVICES)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SavedViewsController {

    private final SavedViews views;
    private final ExploreController explore;
    private final PeriodReader periods;

    public SavedViewsController(SavedViews views, ExploreController explore, PeriodReader periods) {
        this.views = views;
        this.explore = explore;
        this.periods = periods;
    }

    /** The views the caller can open: their own and the shared ones whose figures their role sees, by name. */
    @Get
    public List<ViewJson> list(Authentication authentication) {
        return views.list(who(authentication)).stream().map(ViewJson::of).toList();
    }

    /**
     * One view: 404 when there is none with this id that the caller can open (deleted, or another's private view),
     * 403 when its figures are not for the caller's role.
     *
     * @param id the view's id
     */
    @Get("/{id}")
    public ViewJson get(@PathVariable String id, Authentication authentication) {
        return refused(() -> ViewJson.of(views.open(who(authentication), id)));
    }

    /** Saves a new view owned by the caller (201); its name must be new among the caller's views (409 otherwise). */
    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Permission.SAVE_VIEWS)
    public ViewJson create(@Body @Nullable ViewBody body, Authentication authentication) {
        ExploreQuery query = checked(body, authentication);
        return refused(() -> ViewJson.of(views.create(who(authentication), body.name(),
                Boolean.TRUE.equals(body.shared()), query)));
    }

    /**
     * Changes a view: its name, sharing and what it shows; the caller's own, or any as an administrator (403
     * otherwise); its owner stays.
     *
     * @param id the view's id
     */
    @Put("/{id}")
    @Secured(Permission.SAVE_VIEWS)
    public ViewJson update(@PathVariable String id, @Body @Nullable ViewBody body, Authentication authentication) {
        ExploreQuery query = checked(body, authentication);
        return refused(() -> ViewJson.of(views.update(who(authentication), id, body.name(),
                Boolean.TRUE.equals(body.shared()), query)));
    }

    /**
     * Deletes a view (204): the owner's own, or any as an administrator (403 otherwise).
     *
     * @param id the view's id
     */
    @Delete("/{id}")
    @Secured(Permission.SAVE_VIEWS)
    public HttpResponse<Void> delete(@PathVariable String id, Authentication authentication) {
        refused(() -> {
            views.delete(who(authentication), id);
            return null;
        });
        return HttpResponse.noContent();
    }

    private static Identity who(Authentication authentication) {
        return Authentications.identity(authentication).orElseThrow();
    }

    private static <T> T refused(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ViewRefused e) {
            String reason = e.getMessage().substring(e.field().length() + 2);
            throw switch (e.kind()) {
                case NOT_FOUND -> RequestRefused.notFound(e.field(), reason);
                case FORBIDDEN -> RequestRefused.forbidden(e.field(), reason);
                case CONFLICT -> RequestRefused.conflict(e.field(), reason);
                case INVALID -> RequestRefused.badRequest(e.field(), reason);
            };
        }
    }

    /** The body's query, refused (400, 403, 404 naming the field) as {@code /api/v1/explore} refuses its parameters. */
    private ExploreQuery checked(ViewBody body, Authentication authentication) {
        if (body == null) {
            throw RequestRefused.badRequest("body", "a view (JSON object: name, figure, by, and optionally service, "
                    + "month or from and to, shared)");
        }
        ExploreQuery query = explore.query(body.figure() == null ? "" : body.figure(),
                body.by() == null ? "" : body.by(), body.service(), body.month(), body.from(), body.to(), authentication);
        if (!query.month().isEmpty() || !query.from().isEmpty() || !query.to().isEmpty()) {
            periods.parse(blankToNull(query.month()), blankToNull(query.from()), blankToNull(query.to()));
        }
        return query;
    }

    private static String blankToNull(String v) {
        return v.isEmpty() ? null : v;
    }

    /**
     * A view to save.
     *
     * @param name   what it is called in the list (1-100 characters, new among the caller's views)
     * @param figure as {@code /api/v1/explore}'s figure
     * @param by     as {@code /api/v1/explore}'s by
     * @param service only this service's slices (none: every service's)
     * @param month  a month like 2026-10; or from and to; none of the three: the default month, whenever it is opened
     * @param shared true: everyone who may see its figures lists and opens it; false or none: only its owner
     */
    @Serdeable
    public record ViewBody(@Nullable String name, @Nullable String figure, @Nullable String by,
                           @Nullable String service, @Nullable String month, @Nullable String from,
                           @Nullable String to, @Nullable Boolean shared) {
    }

    /**
     * A saved view.
     *
     * @param url where the Explore page opens it
     */
    @Serdeable
    public record ViewJson(String id, String name, String owner, boolean shared, String figure, String by,
                           String service, String month, String from, String to, Instant createdAt, Instant savedAt,
                           String url) {

        static ViewJson of(SavedView v) {
            ExploreQuery q = v.query();
            return new ViewJson(v.id(), v.name(), v.owner(), v.shared(), q.figure().id(), q.by().id(), q.service(),
                    q.month(), q.from(), q.to(), v.createdAt(), v.savedAt(), "/explore?view=" + v.id());
        }
    }
}
