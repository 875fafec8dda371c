package dev.plumbline.app.security;

import dev.plumbline.sql.auth.Identity;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Between Plumbline's {@link Identity} and Micronaut Security's {@link Authentication}. */
public final class Authentications {

    static final String IDENTITY = "plumbline.identity";
    /** How this request authenticated: {@code session}, {@code token} or {@code basic}. */
    static final String SOURCE = "plumbline.source";

    private Authentications() {
    }

    /** Micronaut checks {@code @Secured} values against the roles: they hold both role names and permissions. */
    public static Authentication of(Identity identity, String source) {
        Set<String> roles = new TreeSet<>(identity.roles());
        roles.addAll(identity.permissions());
        return Authentication.build(identity.name(), roles, Map.of(IDENTITY, identity, SOURCE, source));
    }

    /** How the request authenticated: session, token or basic. */
    public static String source(Authentication authentication) {
        Object value = authentication == null ? null : authentication.getAttributes().get(SOURCE);
        return value == null ? "" : value.toString();
    }

    public static Optional<Identity> identity(Authentication authentication) {
        Object value = authentication == null ? null : authentication.getAttributes().get(IDENTITY);
        return value instanceof Identity identity ? Optional.of(identity) : Optional.empty();
    }
}
