package dev.plumbline.app.triggers;

import dev.plumbline.app.notify.Destination;
import dev.plumbline.app.notify.Destinations;
import dev.plumbline.dashboards.triggers.Triggers;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.outbox.OutboxStore;
import dev.plumbline.sql.triggers.SavedTrigger;
import dev.plumbline.sql.triggers.SubjectState;
import dev.plumbline.sql.triggers.Trigger;
import dev.plumbline.sql.triggers.TriggerInput;
import dev.plumbline.sql.triggers.TriggerStateStore;
import dev.plumbline.sql.triggers.TriggerStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The Triggers page's port: the same stores, checks and messages as /api/v1/triggers. */
@Singleton
public class TriggersAdapter implements Triggers {

    private final TriggerStore store;
    private final TriggerStateStore states;
    private final TriggerChecks checks;
    private final TriggerMessages messages;
    private final OutboxStore outbox;
    private final Destinations destinations;
    private final Clock clock;

    public TriggersAdapter(TriggerStore store, TriggerStateStore states, TriggerChecks checks, TriggerMessages messages,
                           OutboxStore outbox, Destinations destinations, Clock clock) {
        this.store = store;
        this.states = states;
        this.checks = checks;
        this.messages = messages;
        this.outbox = outbox;
        this.destinations = destinations;
        this.clock = clock;
    }

    @Override
    public List<SavedTrigger> all() {
        return store.current();
    }

    @Override
    public Optional<SavedTrigger> find(String id) {
        return store.find(id);
    }

    @Override
    public SavedTrigger save(TriggerInput input, String id, Identity by) {
        Trigger trigger = checks.check(input, id, by.can(Permission.VIEW_MONEY));
        if (id == null && store.find(trigger.id()).isPresent()) {
            throw new dev.plumbline.sql.triggers.TriggerRefused("id", "'" + trigger.id() + "' is taken");
        }
        return store.save(trigger, by.name());
    }

    @Override
    public void delete(String id, Identity by) {
        store.delete(id, by.name());
    }

    @Override
    public List<SubjectState> state(String id) {
        return List.copyOf(states.states(id).values());
    }

    @Override
    public String sendTest(String id, Identity by) {
        Trigger trigger = store.find(id).orElseThrow(() -> new NoSuchElementException("no trigger '" + id + "'"))
                .trigger();
        return outbox.enqueue(messages.test(trigger, clock.instant(), by.name())).id();
    }

    @Override
    public List<String> destinations() {
        return destinations.all().stream().filter(d -> d.channel() != Channel.TRACKER).map(Destination::name).toList();
    }
}
