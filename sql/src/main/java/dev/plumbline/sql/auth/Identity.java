package dev.plumbline.sql.auth;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Who is making a request: a signed-in user or an API token, with the roles it holds and the permissions they grant.
 * Kept in the HTTP session that the dashboards and the API share.
 *
 * @param name        user name, or {@code token:<id>}
 * @param displayName what to call them on a page
 * @param roles       role names, e.g. {@code pm}
 * @param permissions what those roles allow (see {@link Permission})
 * @param via         how the identity was established: {@code password}, {@code oidc} or {@code token}
 */
public record Identity(String name, String displayName, Set<String> roles, Set<String> permissions, String via)
        implements Serializable {

    /** The HTTP session attribute that holds the signed-in identity. */
    public static final String SESSION_ATTRIBUTE = "plumbline.identity";

    public Identity {
        Objects.requireNonNull(name, "name");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(via, "via");
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
