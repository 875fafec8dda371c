package dev.plumbline.app.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.app.security.Authentications;
import dev.plumbline.app.security.RoleCatalog;
import dev.plumbline.app.security.SecurityProperties;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.JWTOpenIdClaims;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcAuthenticationMapperTest {

    private static final RoleCatalog ROLES = new RoleCatalog(new SecurityProperties(Map.of(
            "engineer", List.of("view-services"), "admin", List.of("view-services", "administer")),
            "admin", null, 4, 10, 5, Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofSeconds(10)));

    private final OidcAuthenticationMapper mapper = new OidcAuthenticationMapper(
            new OidcProperties("preferred_username", "groups", List.of("sre=engineer", "ops=admin"), "Sign in"), ROLES);

    @Test
    void mapped_groups_give_their_roles_and_permissions() {
        AuthenticationResponse r = mapper.map("okta", claims(Map.of("preferred_username", "Ada", "name", "Ada L",
                "groups", List.of("sre", "ops", "other"))));

        var identity = Authentications.identity(r.getAuthentication().orElseThrow()).orElseThrow();
        assertThat(identity.name()).isEqualTo("ada");
        assertThat(identity.displayName()).isEqualTo("Ada L");
        assertThat(identity.roles()).containsExactlyInAnyOrder("engineer", "admin");
        assertThat(identity.permissions()).contains("administer");
        assertThat(identity.via()).isEqualTo("oidc");
    }

    @Test
    void without_a_user_name_claim_the_email_then_the_subject_is_used() {
        assertThat(mapper.map("okta", claims(Map.of("email", "ada@example.com", "sub", "x", "groups", List.of("sre"))))
                .getAuthentication().orElseThrow().getName()).isEqualTo("ada@example.com");
        assertThat(mapper.map("okta", claims(Map.of("sub", "00u1", "groups", "sre")))
                .getAuthentication().orElseThrow().getName()).isEqualTo("00u1");
    }

    @Test
    void no_mapped_group_is_a_refusal_that_names_the_groups() {
        AuthenticationResponse r = mapper.map("okta", claims(Map.of("sub", "eve", "groups", List.of("contractors"))));

        assertThat(r.isAuthenticated()).isFalse();
        assertThat(r.getMessage()).contains("none of your groups (contractors) gives a Plumbline role; ask an administrator");
    }

    @Test
    void a_mapping_to_an_unknown_role_or_a_malformed_entry_stops_the_start_naming_the_key() {
        assertThatThrownBy(() -> new OidcAuthenticationMapper(
                new OidcProperties("preferred_username", "groups", List.of("sre=ceo"), "x"), ROLES))
                .hasMessage("plumbline.security.oidc.group-roles: group 'sre' maps to unknown role 'ceo'; known: admin, engineer");
        assertThatThrownBy(() -> new OidcProperties("preferred_username", "groups", List.of("sre"), "x"))
                .hasMessage("plumbline.security.oidc.group-roles: 'sre' is not group=role");
    }

    private static OpenIdClaims claims(Map<String, Object> values) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        values.forEach(b::claim);
        return new JWTOpenIdClaims(b.build());
    }
}
