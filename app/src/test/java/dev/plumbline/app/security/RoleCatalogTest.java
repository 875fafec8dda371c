package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleCatalogTest {

    private final RoleCatalog roles = new RoleCatalog(SecurityFixtures.properties());

    @Test
    void engineers_see_services_but_no_money() {
        assertThat(roles.permissionsOf(Set.of("engineer")))
                .contains("view-services", "view-collectors").doesNotContain("view-money", "view-business");
    }

    @Test
    void several_roles_grant_the_union_of_their_permissions() {
        assertThat(roles.permissionsOf(Set.of("engineer", "exec")))
                .contains("view-money", "view-collectors", "view-business");
    }

    @Test
    void a_role_no_longer_configured_grants_nothing() {
        assertThat(roles.permissionsOf(Set.of("retired-role"))).isEmpty();
    }

    @Test
    void an_unknown_role_is_named_with_the_known_ones() {
        assertThatThrownBy(() -> roles.requireKnown(List.of("pm", "ceo")))
                .hasMessage("roles: unknown role 'ceo'; known: admin, collector, engineer, exec, pm");
    }

    @Test
    void a_configured_role_with_an_unknown_permission_stops_the_start_naming_the_key() {
        SecurityProperties bad = new SecurityProperties(Map.of("pm", List.of("view-moneys")), "admin", null, 4, 10, 3,
                Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofSeconds(10));

        assertThatThrownBy(() -> new RoleCatalog(bad)).hasMessageStartingWith(
                "plumbline.security.roles.pm: unknown permission 'view-moneys'; known: view-business, ");
    }
}
