package dev.plumbline.app.demo;

import dev.plumbline.app.config.DemoProperties;
import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code plumbline.demo.seed=true}, fills an empty catalog and an empty customer list with {@link DemoData} at
 * start, and creates one user per role when there is no user. Never touches data that is already there, so
 * restarting is safe.
 */
@Singleton
@Requires(property = DemoProperties.PREFIX + ".seed", value = "true")
public class DemoSeeder implements ApplicationEventListener<ServerStartupEvent> {

    static final long SEED = 20261101L;
    static final int CUSTOMERS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    /** One demo user per default role, named after it. */
    static final List<String> USERS = List.of("exec", "pm", "engineer", "admin");

    private final ServiceCatalogStore catalog;
    private final CustomerStore customers;
    private final Accounts accounts;
    private final DemoProperties properties;
    private final Clock clock;

    public DemoSeeder(ServiceCatalogStore catalog, CustomerStore customers, Accounts accounts, DemoProperties properties,
                      Clock clock) {
        this.catalog = catalog;
        this.customers = customers;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LocalDate today = LocalDate.now(clock);
        if (catalog.countServices() == 0) {
            catalog.upsert(DemoData.services(), DemoData.objectives());
            LOG.info("demo: seeded {} services with {} objectives", DemoData.services().size(), DemoData.objectives().size());
        } else {
            LOG.info("demo: the catalog already has services; left as it is");
        }
        if (customers.count(today) == 0) {
            customers.upsert(DemoData.customers(SEED, CUSTOMERS, today.withDayOfMonth(1).minusMonths(12), today));
            LOG.info("demo: seeded {} customers", CUSTOMERS);
        } else {
            LOG.info("demo: customers already exist; left as they are");
        }
        if (accounts.all().isEmpty()) {
            for (String role : USERS) {
                if (accounts.roles().contains(role)) {
                    accounts.create(new Accounts.NewAccount(role, "Demo " + role, Set.of(role), properties.password()));
                }
            }
            LOG.info("demo: created users {} (password: the value of plumbline.demo.password)", USERS);
        }
    }
}
