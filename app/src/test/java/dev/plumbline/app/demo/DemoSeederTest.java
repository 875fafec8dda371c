package dev.plumbline.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class DemoSeederTest {

    @Test
    void the_demo_seed_fills_an_empty_database_and_a_restart_leaves_it_as_it_is(TestDatabase db) {
        ServiceCatalogStore catalog = new ServiceCatalogStore(db.clickHouse(), Clock.fixed(RunningApp.NOW, java.time.ZoneOffset.UTC));
        CustomerStore customers = new CustomerStore(db.clickHouse(), Clock.fixed(RunningApp.NOW, java.time.ZoneOffset.UTC));
        try (RunningApp app = RunningApp.startWithDemoData(db)) {
            assertThat(catalog.countServices()).isEqualTo(DemoData.services().size());
            assertThat(customers.count(LocalDate.ofInstant(RunningApp.NOW, java.time.ZoneOffset.UTC))).isEqualTo(DemoSeeder.CUSTOMERS);
        }
        Service edited = new Service("search", "Search (edited)", "", "discovery", "tier-1", 9);
        catalog.upsert(List.of(edited), List.of());

        try (RunningApp again = RunningApp.startWithDemoData(db)) {
            assertThat(catalog.countServices()).isEqualTo(DemoData.services().size());
            assertThat(customers.count(LocalDate.ofInstant(RunningApp.NOW, java.time.ZoneOffset.UTC))).isEqualTo(DemoSeeder.CUSTOMERS);
            assertThat(catalog.find("search").orElseThrow().service()).isEqualTo(edited);
        }
    }
}
