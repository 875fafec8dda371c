package dev.plumbline.app.digests;

import dev.plumbline.app.security.RoleCatalog;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.auth.UserStore;
import dev.plumbline.sql.digests.DigestKind;
import dev.plumbline.sql.digests.Schedule;
import dev.plumbline.sql.digests.Subscription;
import dev.plumbline.sql.digests.Subscription.Address;
import dev.plumbline.sql.digests.Subscription.Audience;
import dev.plumbline.sql.digests.Subscription.Recipients;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a subscription as given (request body, the Subscriptions page's form) into its parts, or refuses it naming
 * the first field at fault: an {@link IllegalArgumentException} whose message begins with the field (400), or
 * {@link Forbidden} for what only an administrator may do (403). The API and the page check the same way.
 */
@Singleton
public class SubscriptionChecks {

    private final UserStore users;
    private final RoleCatalog roles;

    public SubscriptionChecks(UserStore users, RoleCatalog roles) {
        this.users = users;
        this.roles = roles;
    }

    /**
     * A subscription as given.
     *
     * @param audience  user (null or blank: user), role or list
     * @param username  for a user: whom (null or blank: the owner the check is given)
     * @param addresses for a list each with its role; otherwise roles are blank
     * @param enabled   null: true
     */
    public record Input(String kind, String schedule, String zone, String audience, String username, String role,
                        List<Address> addresses, Boolean enabled) {
    }

    /** An address as given (either may be null). */
    public record Address(String address, String role) {
    }

    /** A checked subscription's parts. */
    public record Checked(DigestKind kind, Schedule schedule, ZoneId zone, Recipients recipients, boolean enabled) {
    }

    /** What only an administrator may do: subscribe a role, a list or another user (403). */
    public static final class Forbidden extends RuntimeException {

        private final String field;

        Forbidden(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * {@code in} checked for {@code who}.
     *
     * @param owner the user a subscription of audience user is for when it names none (the caller, or the changed
     *              subscription's user)
     */
    public Checked check(Input in, Identity who, String owner) {
        if (in == null) {
            throw new IllegalArgumentException("body: a subscription (JSON object: kind, zone, addresses, and "
                    + "optionally schedule, audience, username, role, enabled)");
        }
        DigestKind kind = DigestKind.parse("kind", in.kind() == null ? "" : in.kind());
        Schedule schedule = in.schedule() == null || in.schedule().isBlank() ? kind.defaultSchedule()
                : Schedule.parse(in.schedule());
        ZoneId zone = Subscription.zone(in.zone());
        Audience audience = audience(in.audience());
        String username = in.username() == null || in.username().isBlank() ? owner : in.username().strip();
        if (!who.can(Permission.ADMINISTER)) {
            if (audience != Audience.USER) {
                throw new Forbidden("audience", "only an administrator subscribes a role or an address list");
            }
            if (!username.equals(who.name())) {
                throw new Forbidden("username", "you may subscribe only yourself (" + who.name() + ")");
            }
        }
        List<Address> given = in.addresses() == null ? List.of() : in.addresses();
        List<Subscription.Address> addresses = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Address a = given.get(i);
            String field = "addresses[" + i + "]";
            if (a == null || a.address() == null || a.address().isBlank()) {
                throw new IllegalArgumentException(field + ".address: required, an e-mail address");
            }
            String role = a.role() == null ? "" : a.role().strip();
            if (audience == Audience.LIST) {
                roles.requireKnown(field + ".role", role.isEmpty() ? List.of() : List.of(role));
            } else if (!role.isEmpty()) {
                throw new IllegalArgumentException(field + ".role: only an address list names a role per address");
            }
            addresses.add(new Subscription.Address(a.address(), role));
        }
        Recipients recipients = switch (audience) {
            case USER -> {
                if (users.find(username).isEmpty()) {
                    throw new IllegalArgumentException("username: no user '" + username + "'");
                }
                yield new Recipients(Audience.USER, username, "", addresses);
            }
            case ROLE -> {
                String role = in.role() == null ? "" : in.role().strip();
                roles.requireKnown("role", role.isEmpty() ? List.of() : Set.of(role));
                yield new Recipients(Audience.ROLE, "", role, addresses);
            }
            case LIST -> new Recipients(Audience.LIST, "", "", addresses);
        };
        return new Checked(kind, schedule, zone, recipients, in.enabled() == null || in.enabled());
    }

    /** The role names an administrator may subscribe (the role catalog's). */
    public List<String> roleNames() {
        return List.copyOf(roles.names());
    }

    private static Audience audience(String text) {
        if (text == null || text.isBlank()) {
            return Audience.USER;
        }
        for (Audience a : Audience.values()) {
            if (a.label().equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("audience: must be user, role or list, was '"
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }
}
