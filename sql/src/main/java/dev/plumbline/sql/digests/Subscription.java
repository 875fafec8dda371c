package dev.plumbline.sql.digests;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A subscription to a digest.
 *
 * @param id         its id (sub-...)
 * @param kind       which digest
 * @param schedule   when, in {@code zone}
 * @param zone       the recipient's time zone
 * @param recipients to whom, and which role's view of the figures they get
 * @param createdBy  the user who created it
 * @param createdAt  when (the application's clock)
 * @param enabled    a disabled subscription is not sent (send-now still works)
 */
public record Subscription(String id, DigestKind kind, Schedule schedule, ZoneId zone, Recipients recipients,
                           String createdBy, Instant createdAt, boolean enabled) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The IANA zone {@code text} (Europe/Berlin); fails with a message beginning "zone: ". */
    public static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("zone: required, an IANA time zone like Europe/Berlin");
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: '" + text + "' is not an IANA time zone (like Europe/Berlin or "
                    + "America/New_York)", e);
        }
    }

    /** Who a subscription goes to. */
    public enum Audience {
        /** A user, to their own address; their roles when it is sent decide what it shows. */
        USER,
        /** Addresses that get the digest as one role sees it. */
        ROLE,
        /** Addresses each with its role; the digest as the least privileged of those roles sees it. */
        LIST;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An address, with the role it stands for ("" for a user's own address: the user's roles count). */
    public record Address(String address, String role) {

        private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

        public Address {
            Objects.requireNonNull(address, "address");
            address = address.strip();
            role = Objects.requireNonNullElse(role, "").strip();
            if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException("addresses: '" + address + "' is not an e-mail address (name@domain)");
            }
        }
    }

    /**
     * The recipients.
     *
     * @param audience  user, role or list
     * @param username  the user (audience user), else ""
     * @param role      the role (audience role), else ""
     * @param addresses where it goes: one for a user, 1 to 100 otherwise; each with its role for a list
     */
    public record Recipients(Audience audience, String username, String role, List<Address> addresses) {

        public Recipients {
            Objects.requireNonNull(audience, "audience");
            username = Objects.requireNonNullElse(username, "").strip();
            role = Objects.requireNonNullElse(role, "").strip();
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty() || addresses.size() > 100) {
                throw new IllegalArgumentException("addresses: give 1 to 100 e-mail addresses, not " + addresses.size());
            }
            switch (audience) {
                case USER -> {
                    require(!username.isEmpty(), "username: required for a user's subscription");
                    require(addresses.size() == 1, "addresses: a user's subscription goes to one address, their own");
                }
                case ROLE -> require(!role.isEmpty(), "role: required for a role's subscription");
                case LIST -> require(addresses.stream().noneMatch(a -> a.role().isEmpty()),
                        "addresses: every address of a list names its role (address=role)");
            }
        }

        /** A user's own subscription. */
        public static Recipients user(String username, String address) {
            return new Recipients(Audience.USER, username, "", List.of(new Address(address, "")));
        }

        /** The e-mail addresses. */
        public List<String> emails() {
            return addresses.stream().map(Address::address).toList();
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
