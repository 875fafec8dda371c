package dev.plumbline.app.security.oidc;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.app.security.RoleCatalog;
import dev.plumbline.sql.auth.Identity;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * An ID token (already checked by Micronaut against the provider's keys, issuer, audience, expiry and nonce) becomes
 * a Plumbline identity: the user name from a configured claim, roles from the groups claim through
 * {@code plumbline.security.oidc.group-roles}. A user with no mapped group is refused, with the reason.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
public class OidcAuthenticationMapper implements OpenIdAuthenticationMapper {

    private static final Logger LOG = LoggerFactory.getLogger(OidcAuthenticationMapper.class);

    private final OidcProperties properties;
    private final RoleCatalog roles;

    public OidcAuthenticationMapper(OidcProperties properties, RoleCatalog roles) {
        this.properties = properties;
        this.roles = roles;
        properties.roleByGroup().forEach((group, role) -> {
            if (!roles.names().contains(role)) {
                throw new IllegalArgumentException(OidcProperties.PREFIX + ".group-roles: group '" + group
                        + "' maps to unknown role '" + role + "'; known: " + String.join(", ", roles.names()));
            }
        });
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
                                                                         OpenIdTokenResponse tokenResponse,
                                                                         OpenIdClaims claims, @Nullable State state) {
        return Mono.just(map(providerName, claims));
    }

    AuthenticationResponse map(String provider, OpenIdClaims claims) {
        String name = firstClaim(claims, properties.usernameClaim(), OpenIdClaims.CLAIMS_EMAIL, "sub");
        if (name == null) {
            return AuthenticationResponse.failure("the identity provider gave no user name");
        }
        name = name.toLowerCase(Locale.ROOT);
        List<String> groups = groups(claims.get(properties.groupsClaim()));
        Set<String> mapped = new TreeSet<>();
        for (String group : groups) {
            String role = properties.roleByGroup().get(group);
            if (role != null) {
                mapped.add(role);
            }
        }
        if (mapped.isEmpty()) {
            LOG.info("OIDC sign-in of '{}' via {} refused: no group of {} maps to a role", name, provider, groups);
            return AuthenticationResponse.failure("none of your groups (" + String.join(", ", groups)
                    + ") gives a Plumbline role; ask an administrator");
        }
        String displayName = firstClaim(claims, OpenIdClaims.CLAIMS_NAME, properties.usernameClaim());
        Identity identity = new Identity(name, displayName, mapped, roles.permissionsOf(mapped), "oidc");
        LOG.info("'{}' signed in via {} with roles {}", name, provider, mapped);
        Authentication authentication = Authentications.of(identity, "session");
        return AuthenticationResponse.success(authentication.getName(), authentication.getRoles(),
                authentication.getAttributes());
    }

    private static String firstClaim(OpenIdClaims claims, String... names) {
        for (String name : names) {
            Object value = claims.get(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString());
    }
}
