package dev.plumbline.app.digests;

import dev.plumbline.sql.auth.Permission;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose view of the figures a digest is written for (README, "Digests"): a user's roles, one role, or for an address
 * list the least privileged of its roles. A list's digest shows only what every one of its roles may see (the
 * intersection of their permissions); the role it names is the one with the fewest permissions (then by name).
 *
 * @param role        the role named in the mail
 * @param permissions what the mail may show
 * @param statement   the sentence the mail carries about it
 */
public record Reader(String role, Set<String> permissions, String statement) {

    public Reader {
        permissions = Set.copyOf(permissions);
    }

    /** Money (ARR, revenue at risk, amounts) is shown. */
    public boolean money() {
        return permissions.contains(Permission.VIEW_MONEY);
    }

    /** The Summary, Review, ROI and Customer pages may be linked to. */
    public boolean business() {
        return permissions.contains(Permission.VIEW_BUSINESS);
    }

    /** A user, with the permissions their roles grant. */
    public static Reader user(String username, List<String> roles, Set<String> permissions) {
        String named = String.join(", ", new TreeSet<>(roles));
        return new Reader(named, permissions, "Written for " + username + " (role " + named + ").");
    }

    /** One role. */
    public static Reader role(String role, Set<String> permissions) {
        return new Reader(role, permissions, "Written for the role " + role + ".");
    }

    /** An address list whose addresses stand for {@code permissionsByRole}'s roles (at least one). */
    public static Reader list(Map<String, Set<String>> permissionsByRole) {
        String least = permissionsByRole.entrySet().stream()
                .min(Comparator.<Map.Entry<String, Set<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .orElseThrow(() -> new IllegalArgumentException("addresses: an address list needs a role")).getKey();
        Set<String> common = new TreeSet<>(permissionsByRole.get(least));
        permissionsByRole.values().forEach(common::retainAll);
        return new Reader(least, common, "Written for the role " + least + ", the least privileged of this list's "
                + "roles (" + String.join(", ", new TreeSet<>(permissionsByRole.keySet())) + "): everyone on the list "
                + "may read all of it.");
    }
}
