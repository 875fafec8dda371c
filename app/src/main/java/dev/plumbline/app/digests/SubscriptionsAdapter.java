package dev.plumbline.app.digests;

import dev.plumbline.dashboards.digests.Subscriptions;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.digests.DigestKind;
import dev.plumbline.sql.digests.Subscription;
import dev.plumbline.sql.digests.Subscription.Recipients;
import dev.plumbline.sql.digests.SubscriptionStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Subscriptions page's port: a signed-in user's own subscriptions (an administrator's: all, and subscribing a
 * role or an address list), checked as the API checks them ({@link SubscriptionChecks}).
 */
@Singleton
public class SubscriptionsAdapter implements Subscriptions {

    private final SubscriptionStore store;
    private final Digests digests;
    private final SubscriptionChecks checks;

    public SubscriptionsAdapter(SubscriptionStore store, Digests digests, SubscriptionChecks checks) {
        this.store = store;
        this.digests = digests;
        this.checks = checks;
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
    public List<String> roles() {
        return checks.roleNames();
    }

    @Override
    public List<Row> visibleTo(Identity who) {
        Map<String, Instant> last = store.lastRuns();
        return (who.can(Permission.ADMINISTER) ? store.all() : store.ofUser(who.name())).stream()
                .map(s -> row(s, last.get(s.id()))).toList();
    }

    @Override
    public Row subscribe(Identity who, Form form) {
        SubscriptionChecks.Checked c = checked(who, form);
        return row(store.create(c.kind(), c.schedule(), c.zone(), c.recipients(), who.name(), c.enabled()), null);
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
    public String preview(Identity who, Form form) {
        boolean own = form.audience() == null || form.audience().isBlank() || form.audience().equals("user");
        Reader reader = own ? Reader.user(who.name(), List.copyOf(who.roles()), who.permissions())
                : digests.reader(checked(who, form).recipients()).orElseThrow();
        return digests.preview(DigestKind.parse("kind", form.kind() == null ? "" : form.kind()),
                Subscription.zone(form.zone()), reader).html();
    }

    /** The form as {@link SubscriptionChecks} takes it: its addresses text split, a list's "address=role" each. */
    private SubscriptionChecks.Checked checked(Identity who, Form form) {
        String audience = form.audience() == null || form.audience().isBlank() ? "user" : form.audience();
        List<String> items = form.addresses() == null ? List.of() : Arrays.stream(form.addresses().split("[,;\\s]+"))
                .filter(a -> !a.isBlank()).toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("addresses: required, " + switch (audience) {
                case "list" -> "one address=role per line (like cfo@example.com=exec)";
                case "role" -> "the e-mail addresses that get the role's digest";
                default -> "your e-mail address";
            });
        }
        List<SubscriptionChecks.Address> addresses = items.stream().map(a -> {
            if (!audience.equals("list")) {
                return new SubscriptionChecks.Address(a, "");
            }
            int eq = a.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("addresses: '" + a + "' names no role: write address=role, the "
                        + "role one of " + String.join(", ", checks.roleNames()));
            }
            return new SubscriptionChecks.Address(a.substring(0, eq), a.substring(eq + 1));
        }).toList();
        try {
            return checks.check(new SubscriptionChecks.Input(form.kind(), form.schedule(), form.zone(), audience,
                    null, form.role(), addresses, form.enabled()), who, who.name());
        } catch (SubscriptionChecks.Forbidden e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
