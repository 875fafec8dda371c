package dev.plumbline.app.digests;

import dev.plumbline.dashboards.digests.Subscriptions;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.digests.DigestKind;
import dev.plumbline.sql.digests.Schedule;
import dev.plumbline.sql.digests.Subscription;
import dev.plumbline.sql.digests.Subscription.Recipients;
import dev.plumbline.sql.digests.SubscriptionStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Subscriptions page's port: a signed-in user's own subscriptions (an administrator's: all). */
@Singleton
public class SubscriptionsAdapter implements Subscriptions {

    private final SubscriptionStore store;
    private final Digests digests;

    public SubscriptionsAdapter(SubscriptionStore store, Digests digests) {
        this.store = store;
        this.digests = digests;
    }

    @Override
    public List<String> kinds() {
        return Arrays.stream(DigestKind.values()).map(DigestKind::label).toList();
    }

    @Override
    public String defaultSchedule(String kind) {
        return DigestKind.parse("kind", kind).defaultSchedule().text();
    }

    @Override
    public List<Row> visibleTo(Identity who) {
        Map<String, Instant> last = store.lastRuns();
        return (who.can(Permission.ADMINISTER) ? store.all() : store.ofUser(who.name())).stream()
                .map(s -> row(s, last.get(s.id()))).toList();
    }

    @Override
    public Row subscribe(Identity who, Form form) {
        DigestKind kind = DigestKind.parse("kind", form.kind() == null ? "" : form.kind());
        Schedule schedule = form.schedule() == null || form.schedule().isBlank() ? kind.defaultSchedule()
                : Schedule.parse(form.schedule());
        if (form.address() == null || form.address().isBlank()) {
            throw new IllegalArgumentException("address: required, your e-mail address");
        }
        return row(store.create(kind, schedule, Subscription.zone(form.zone()),
                Recipients.user(who.name(), form.address()), who.name(), form.enabled()), null);
    }

    @Override
    public boolean delete(Identity who, String id) {
        return store.find(id).filter(s -> who.can(Permission.ADMINISTER)
                || s.recipients().username().equals(who.name())).map(s -> {
                    store.delete(s);
                    return true;
                }).orElse(false);
    }

    @Override
    public String preview(Identity who, String kind, String zone) {
        return digests.preview(DigestKind.parse("kind", kind == null ? "" : kind), Subscription.zone(zone),
                Reader.user(who.name(), List.copyOf(who.roles()), who.permissions())).html();
    }

    private static Row row(Subscription s, Instant lastRun) {
        Recipients r = s.recipients();
        String to = switch (r.audience()) {
            case USER -> r.username() + " <" + r.emails().getFirst() + ">";
            case ROLE -> "role " + r.role() + ": " + String.join(", ", r.emails());
            case LIST -> r.addresses().stream().map(a -> a.address() + " (" + a.role() + ")")
                    .collect(Collectors.joining(", "));
        };
        return new Row(s.id(), s.kind().label(), s.schedule().text(), s.zone().getId(), to, s.enabled(), lastRun);
    }
}
