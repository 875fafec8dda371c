package dev.plumbline.app.security.oidc;

import dev.plumbline.dashboards.access.ExternalSignIns;
import io.micronaut.security.oauth2.client.OauthClient;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/** The OIDC clients configured under {@code micronaut.security.oauth2.clients}, as sign-in buttons. */
@Singleton
public class ConfiguredProviders implements ExternalSignIns {

    private final List<Provider> providers;

    public ConfiguredProviders(Collection<OauthClient> clients, OidcProperties properties) {
        this.providers = clients.stream()
                .map(c -> new Provider(clients.size() == 1 ? properties.label() : properties.label() + " (" + c.getName() + ")",
                        "/oauth/login/" + c.getName()))
                .toList();
    }

    @Override
    public List<Provider> providers() {
        return providers;
    }
}
