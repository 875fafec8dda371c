package dev.plumbline.app.security;

import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.auth.UserStore;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin, so that a new installation can be signed in to: created at start when no user exists and
 * {@code plumbline.security.initial-admin-password} is set. Otherwise says in the log how to get one.
 */
@Singleton
public class InitialAdmin implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    private final SecurityProperties properties;
    private final UserStore users;
    private final AccountService accounts;
    private final RoleCatalog roles;

    public InitialAdmin(SecurityProperties properties, UserStore users, AccountService accounts, RoleCatalog roles) {
        this.properties = properties;
        this.users = users;
        this.accounts = accounts;
        this.roles = roles;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        String password = properties.initialAdminPassword();
        if (password == null || password.isBlank()) {
            LOG.warn("No user exists yet. Set PLUMBLINE_SECURITY_INITIAL_ADMIN_PASSWORD (and optionally "
                    + "PLUMBLINE_SECURITY_INITIAL_ADMIN_USERNAME, default 'admin') and restart to create the first admin.");
            return;
        }
        String adminRole = roles.names().contains("admin") ? "admin" : roles.names().getFirst();
        accounts.create(new Accounts.NewAccount(properties.initialAdminUsername(), "Administrator", Set.of(adminRole), password));
        LOG.info("created the first admin '{}' (role {})", properties.initialAdminUsername(), adminRole);
    }
}
