package dev.plumbline.app.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sign-in, roles and sessions. Validated at start; messages begin with the key at fault.
 *
 * @param roles                role name to the permissions it grants ({@code dev.plumbline.sql.auth.Permission})
 * @param initialAdminUsername name of the first admin, created at start when no user exists
 * @param initialAdminPassword its password (PLUMBLINE_SECURITY_INITIAL_ADMIN_PASSWORD); without it no admin is created
 * @param bcryptCost           bcrypt work factor for new password hashes (4-31)
 * @param minPasswordLength    shortest password accepted
 * @param maxFailedSignIns     failed sign-ins per user name, and per client address, before a lockout
 * @param lockout              how long such a lockout lasts (and the window failures are counted in)
 * @param sessionTimeout       a signed-in session ends after this long without a request
 * @param identityRefresh      how long a session's roles and disabled flag, and an API token's revocation, are trusted
 *                             before they are read again
 */
@ConfigurationProperties(SecurityProperties.PREFIX)
public record SecurityProperties(
        Map<String, List<String>> roles,
        @Bindable(defaultValue = "admin") String initialAdminUsername,
        @Nullable String initialAdminPassword,
        @Bindable(defaultValue = "12") int bcryptCost,
        @Bindable(defaultValue = "10") int minPasswordLength,
        @Bindable(defaultValue = "5") int maxFailedSignIns,
        @Bindable(defaultValue = "15m") Duration lockout,
        @Bindable(defaultValue = "8h") Duration sessionTimeout,
        @Bindable(defaultValue = "10s") Duration identityRefresh) {

    public static final String PREFIX = "plumbline.security";

    public SecurityProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException(PREFIX + ".bcrypt-cost: must be between 4 and 31, was " + bcryptCost);
        }
        if (minPasswordLength < 8) {
            throw new IllegalArgumentException(PREFIX + ".min-password-length: must be at least 8, was " + minPasswordLength);
        }
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-failed-sign-ins: must be at least 1, was " + maxFailedSignIns);
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".lockout: must be positive, was " + lockout);
        }
        if (identityRefresh.isNegative() || identityRefresh.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(PREFIX + ".identity-refresh: must be between 0 and 5 minutes, was "
                    + identityRefresh);
        }
        if (sessionTimeout.toMinutes() < 1) {
            throw new IllegalArgumentException(PREFIX + ".session-timeout: must be at least one minute, was " + sessionTimeout);
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[roles=" + roles + ", initialAdminUsername=" + initialAdminUsername
                + ", bcryptCost=" + bcryptCost + ", lockout=" + lockout + ", sessionTimeout=" + sessionTimeout + "]";
    }
}
