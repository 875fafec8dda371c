package dev.plumbline.app.security;

import dev.plumbline.sql.auth.Permission;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The configured roles and the permissions each grants. */
@Singleton
public class RoleCatalog {

    private final Map<String, Set<String>> roles = new TreeMap<>();

    public RoleCatalog(SecurityProperties properties) {
        if (properties.roles().isEmpty()) {
            throw new IllegalArgumentException(SecurityProperties.PREFIX + ".roles: no role is configured");
        }
        properties.roles().forEach((role, permissions) -> {
            for (String permission : permissions) {
                if (!Permission.ALL.contains(permission)) {
                    throw new IllegalArgumentException(SecurityProperties.PREFIX + ".roles." + role
                            + ": unknown permission '" + permission + "'; known: " + String.join(", ", Permission.ALL));
                }
            }
            roles.put(role, Set.copyOf(permissions));
        });
    }

    /** Role names, sorted. */
    public List<String> names() {
        return new ArrayList<>(roles.keySet());
    }

    /** The permissions {@code roleNames} grant together; roles no longer configured grant nothing. */
    public Set<String> permissionsOf(Collection<String> roleNames) {
        Set<String> out = new TreeSet<>();
        roleNames.forEach(r -> out.addAll(roles.getOrDefault(r, Set.of())));
        return out;
    }

    /** Fails, naming the first unknown role, unless every role is configured (and there is at least one). */
    public void requireKnown(Collection<String> roleNames) {
        requireKnown("roles", roleNames);
    }

    /** As {@link #requireKnown(Collection)}, the message beginning with {@code field} (the request's field). */
    public void requireKnown(String field, Collection<String> roleNames) {
        if (roleNames == null || roleNames.isEmpty()) {
            throw new IllegalArgumentException(field + ": give at least one of " + String.join(", ", names()));
        }
        for (String role : roleNames) {
            if (!roles.containsKey(role)) {
                throw new IllegalArgumentException(field + ": unknown role '" + role + "'; known: " + String.join(", ", names()));
            }
        }
    }
}
