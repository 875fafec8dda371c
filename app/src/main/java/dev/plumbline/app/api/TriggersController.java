package dev.plumbline.app.api;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.app.triggers.TriggerChecks;
import dev.plumbline.app.triggers.TriggerMessages;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.triggers.SavedTrigger;
import dev.plumbline.sql.triggers.Trigger;
import dev.plumbline.sql.triggers.TriggerInput;
import dev.plumbline.sql.triggers.TriggerRefused;
import dev.plumbline.sql.triggers.TriggerStateStore;
import dev.plumbline.sql.triggers.TriggerStore;
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
import java.time.Clock;
import java.util.List;

/**
 * Triggers: a rule on a figure of the definitions catalog (health, a slice's burn rate or budget consumed, a
 * service's revenue at risk) over the last hours, for a set of customers, sent to a configured destination with the
 * owner who must act when a subject crosses it (firing) and when it recovers (resolved). Every change is kept as a
 * version. Permission manage-triggers (pm and admin by default). A bad value is a 400 naming the field (body field
 * names as in {@link TriggerJson}); an unknown id a 404.
 */
@Controller("/api/v1/triggers")
@Secured(Permission.MANAGE_TRIGGERS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TriggersController {

    private final TriggerStore triggers;
    private final TriggerStateStore states;
    private final TriggerChecks checks;
    private final TriggerMessages messages;
    private final OutboxStore outbox;
    private final Clock clock;

    public TriggersController(TriggerStore triggers, TriggerStateStore states, TriggerChecks checks,
                              TriggerMessages messages, OutboxStore outbox, Clock clock) {
        this.triggers = triggers;
        this.states = states;
        this.checks = checks;
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every trigger, by id. */
    @Get
    public List<TriggerJson> list(Authentication authentication) {
        boolean money = money(authentication);
        return triggers.current().stream().map(s -> TriggerJson.of(s, money)).toList();
    }

    /**
     * One trigger.
     *
     * @param id the trigger's id
     */
    @Get("/{id}")
    public TriggerJson get(@PathVariable String id, Authentication authentication) {
        return TriggerJson.of(found(id), money(authentication));
    }

    /** Saves a new trigger (201); its id is the body's (409 when taken) or a new one. */
    @Post
    @Status(HttpStatus.CREATED)
    public TriggerJson create(@Body @Nullable TriggerJson body, Authentication authentication) {
        Trigger trigger = checked(body, null, authentication);
        if (triggers.find(trigger.id()).isPresent()) {
            throw RequestRefused.conflict("id", "'" + trigger.id() + "' is taken; PUT /api/v1/triggers/"
                    + trigger.id() + " changes it");
        }
        return TriggerJson.of(triggers.save(trigger, who(authentication).name()), money(authentication));
    }

    /**
     * Changes a trigger (a new version); the subjects' states are kept.
     *
     * @param id the trigger's id
     */
    @Put("/{id}")
    public TriggerJson update(@PathVariable String id, @Body @Nullable TriggerJson body, Authentication authentication) {
        found(id);
        if (body != null && body.id() != null && !body.id().equals(id)) {
            throw RequestRefused.badRequest("id", "'" + body.id() + "' is not the trigger of the path, '" + id + "'");
        }
        return TriggerJson.of(triggers.save(checked(body, id, authentication), who(authentication).name()),
                money(authentication));
    }

    /**
     * Deletes a trigger (204): it is no longer evaluated; its versions stay.
     *
     * @param id the trigger's id
     */
    @Delete("/{id}")
    public HttpResponse<Void> delete(@PathVariable String id, Authentication authentication) {
        found(id);
        triggers.delete(id, who(authentication).name());
        return HttpResponse.noContent();
    }

    /**
     * The trigger's subjects as the last evaluations left them: which are firing, since when, the last value (a
     * money value only with view-money).
     *
     * @param id the trigger's id
     */
    @Get("/{id}/state")
    public List<TriggerStateJson> state(@PathVariable String id, Authentication authentication) {
        Trigger trigger = found(id).trigger();
        boolean money = money(authentication) || !trigger.rule().figure().money();
        return states.states(id).values().stream().map(s -> TriggerStateJson.of(s, money)).toList();
    }

    /**
     * Send test: enqueues a test message of the trigger to its destination (202), marked as a test, and answers
     * its outbox entry; the delivery sends it like any other.
     *
     * @param id the trigger's id
     */
    @Post("/{id}/test")
    @Status(HttpStatus.ACCEPTED)
    public TestJson test(@PathVariable String id, Authentication authentication) {
        Trigger trigger = found(id).trigger();
        OutboxEntry entry;
        try {
            entry = outbox.enqueue(messages.test(trigger, clock.instant(), who(authentication).name()));
        } catch (IllegalStateException e) {
            throw RequestRefused.conflict("destination", e.getMessage());
        }
        return new TestJson(entry.id(), entry.notification().destination(),
                entry.notification().channel().name().toLowerCase(java.util.Locale.ROOT), entry.state().name()
                        .toLowerCase(java.util.Locale.ROOT));
    }

    private SavedTrigger found(String id) {
        return triggers.find(id).orElseThrow(() -> RequestRefused.notFound("id", "no trigger '" + id + "'"));
    }

    private Trigger checked(TriggerJson body, String id, Authentication authentication) {
        try {
            return checks.check(body == null ? null : body.input(), id, money(authentication));
        } catch (TriggerRefused e) {
            throw e.kind() == TriggerRefused.Kind.FORBIDDEN ? RequestRefused.forbidden(e.field(), e.reason())
                    : RequestRefused.badRequest(e.field(), e.reason());
        }
    }

    private static boolean money(Authentication authentication) {
        return who(authentication).permissions().contains(Permission.VIEW_MONEY);
    }

    private static Identity who(Authentication authentication) {
        return Authentications.identity(authentication).orElseThrow();
    }

    /**
     * What "send test" enqueued.
     *
     * @param id    the outbox id (the notification history shows it under this id)
     * @param state pending until the delivery sends it
     */
    @io.micronaut.serde.annotation.Serdeable
    public record TestJson(String id, String destination, String channel, String state) {
    }
}
