package dev.plumbline.app.api;

import dev.plumbline.app.digests.Digests;
import dev.plumbline.app.digests.Reader;
import dev.plumbline.app.digests.SubscriptionChecks;
import dev.plumbline.app.digests.SubscriptionChecks.Checked;
import dev.plumbline.app.security.Authentications;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.digests.DigestKind;
import dev.plumbline.sql.digests.Subscription;
import dev.plumbline.sql.digests.Subscription.Audience;
import dev.plumbline.sql.digests.Subscription.Recipients;
import dev.plumbline.sql.digests.SubscriptionStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Digest subscriptions (README, "Digests"): the weekly executive summary, the monthly PSR review (PDF attached) and
 * the daily "what changed", each on a schedule in the recipient's time zone, enqueued in the outbox and sent by
 * e-mail. Every signed-in user subscribes themselves (their roles when it is sent decide what it shows); an
 * administrator also subscribes a role or an address list (each address with its role: the digest is written for the
 * least privileged of them, and says so). A user sees and changes only their own subscriptions (another's id is 404
 * to them); an administrator all.
 */
@Controller("/api/v1/subscriptions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionsController {

    private final SubscriptionStore store;
    private final Digests digests;
    private final SubscriptionChecks checks;

    public SubscriptionsController(SubscriptionStore store, Digests digests, SubscriptionChecks checks) {
        this.store = store;
        this.digests = digests;
        this.checks = checks;
    }

    /** The caller's own subscriptions; an administrator's: every subscription. Oldest first. */
    @Get
    public List<SubscriptionJson> list(Authentication authentication) {
        Identity who = who(authentication);
        Map<String, Instant> last = store.lastRuns();
        return (admin(who) ? store.all() : store.ofUser(who.name())).stream()
                .map(s -> SubscriptionJson.of(s, last.get(s.id()))).toList();
    }

    /**
     * Subscribes (201). A user for themselves (audience user, their own username or none); an administrator also for
     * any user, a role or an address list. 400 naming the field for a bad kind, schedule, zone, role or address; 403
     * when a user subscribes someone else, a role or a list.
     */
    @Post
    @Status(HttpStatus.CREATED)
    public SubscriptionJson create(@Body @Nullable SubscriptionBody body, Authentication authentication) {
        Identity who = who(authentication);
        Checked c = checked(body, who, who.name());
        return SubscriptionJson.of(store.create(c.kind(), c.schedule(), c.zone(), c.recipients(), who.name(),
                c.enabled()), null);
    }

    /**
     * Changes a subscription (all of it, as in POST; username none: the subscription's user); its creator and
     * creation time stay.
     *
     * @param id the subscription's id
     */
    @Put("/{id}")
    public SubscriptionJson update(@PathVariable String id, @Body @Nullable SubscriptionBody body,
                                   Authentication authentication) {
        Identity who = who(authentication);
        Subscription before = visible(id, who);
        String owner = before.recipients().username().isEmpty() ? who.name() : before.recipients().username();
        Checked c = checked(body, who, owner);
        Subscription changed = store.update(new Subscription(before.id(), c.kind(), c.schedule(), c.zone(),
                c.recipients(), before.createdBy(), before.createdAt(), c.enabled()));
        return SubscriptionJson.of(changed, store.lastRuns().get(id));
    }

    /**
     * Deletes a subscription (204); what it enqueued already stays in the outbox.
     *
     * @param id the subscription's id
     */
    @Delete("/{id}")
    public HttpResponse<Void> delete(@PathVariable String id, Authentication authentication) {
        store.delete(visible(id, who(authentication)));
        return HttpResponse.noContent();
    }

    /**
     * Enqueues the subscription's digest now, outside its schedule (also when disabled); answers the outbox id. 409
     * when its user no longer exists or is disabled.
     *
     * @param id the subscription's id
     */
    @Post("/{id}/send-now")
    @Status(HttpStatus.ACCEPTED)
    public Enqueued sendNow(@PathVariable String id, Authentication authentication) {
        Identity who = who(authentication);
        Subscription s = visible(id, who);
        return digests.sendNow(s, who.name()).map(e -> new Enqueued(e.id()))
                .orElseThrow(() -> RequestRefused.conflict("username", "user '" + s.recipients().username()
                        + "' no longer exists or is disabled: nothing is sent"));
    }

    /**
     * The HTML the caller would get of a digest if it ran now (the Subscriptions page's preview), written for the
     * caller's role; its chart is not inlined here (the mail carries it).
     *
     * @param kind weekly-executive-summary, monthly-psr-review or daily-what-changed
     * @param zone an IANA time zone like Europe/Berlin (none: UTC); the run's date is taken in it
     */
    @Get("/preview")
    @Produces(MediaType.TEXT_HTML)
    public String preview(@QueryValue @Nullable String kind, @QueryValue @Nullable String zone,
                          Authentication authentication) {
        Identity who = who(authentication);
        DigestKind k = DigestKind.parse("kind", kind == null ? "" : kind);
        ZoneId z = zone == null ? ZoneId.of("UTC") : Subscription.zone(zone);
        return digests.preview(k, z, Reader.user(who.name(), List.copyOf(who.roles()), who.permissions())).html();
    }

    private Subscription visible(String id, Identity who) {
        return store.find(id).filter(s -> admin(who) || (s.recipients().audience() == Audience.USER
                        && s.recipients().username().equals(who.name())))
                .orElseThrow(() -> RequestRefused.notFound("id", "no subscription '" + id + "'"));
    }

    /** The body checked ({@code username} defaults to {@code owner}): 400 or 403 naming the field at fault. */
    private Checked checked(SubscriptionBody body, Identity who, String owner) {
        SubscriptionChecks.Input in = body == null ? null : new SubscriptionChecks.Input(body.kind(), body.schedule(),
                body.zone(), body.audience(), body.username(), body.role(), body.addresses() == null ? null
                : body.addresses().stream().map(a -> a == null ? null
                        : new SubscriptionChecks.Address(a.address(), a.role())).toList(), body.enabled());
        try {
            return checks.check(in, who, owner);
        } catch (SubscriptionChecks.Forbidden e) {
            throw RequestRefused.forbidden(e.field(), e.getMessage());
        }
    }

    private static Identity who(Authentication authentication) {
        return Authentications.identity(authentication).orElseThrow();
    }

    private static boolean admin(Identity who) {
        return who.can(Permission.ADMINISTER);
    }

    /**
     * A subscription to create or change.
     *
     * @param kind      weekly-executive-summary, monthly-psr-review or daily-what-changed
     * @param schedule  a UNIX cron expression (5 fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1")
     *                  or "@first-working-day HH:MM"; none: the kind's default (weekly Monday 08:00, monthly the
     *                  first working day 08:00, daily 07:00)
     * @param zone      the recipient's IANA time zone (Europe/Berlin); the schedule is read in it
     * @param audience  user (none: user), role or list; role and list only for an administrator
     * @param username  for audience user: whom (none: the caller; another user only for an administrator)
     * @param role      for audience role: which role's view of the figures
     * @param addresses where it goes: for a user one address (theirs), otherwise 1 to 100; for a list each with its
     *                  role
     * @param enabled   none: true; false keeps it without sending on schedule
     */
    @Serdeable
    public record SubscriptionBody(@Nullable String kind, @Nullable String schedule, @Nullable String zone,
                                   @Nullable String audience, @Nullable String username, @Nullable String role,
                                   @Nullable List<AddressJson> addresses, @Nullable Boolean enabled) {
    }

    /**
     * An address.
     *
     * @param address an e-mail address
     * @param role    for an address list: the role this address stands for; otherwise none
     */
    @Serdeable
    public record AddressJson(@Nullable String address, @Nullable String role) {
    }

    /**
     * A subscription.
     *
     * @param audience user, role or list
     * @param lastRun  the last scheduled run enqueued (none yet: null)
     */
    @Serdeable
    public record SubscriptionJson(String id, String kind, String schedule, String zone, String audience,
                                   String username, String role, List<AddressJson> addresses, String createdBy,
                                   Instant createdAt, boolean enabled, @Nullable Instant lastRun) {

        static SubscriptionJson of(Subscription s, @Nullable Instant lastRun) {
            Recipients r = s.recipients();
            return new SubscriptionJson(s.id(), s.kind().label(), s.schedule().text(), s.zone().getId(),
                    r.audience().name().toLowerCase(Locale.ROOT), r.username(), r.role(),
                    r.addresses().stream().map(a -> new AddressJson(a.address(), a.role().isEmpty() ? null : a.role()))
                            .toList(), s.createdBy(), s.createdAt(), s.enabled(), lastRun);
        }
    }

    /**
     * A digest put in the outbox.
     *
     * @param id its outbox id (GET it from the notification history)
     */
    @Serdeable
    public record Enqueued(String id) {
    }
}
