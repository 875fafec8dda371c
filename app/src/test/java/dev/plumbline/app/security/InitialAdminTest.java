package dev.plumbline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.dashboards.admin.Accounts;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class InitialAdminTest {

    @Test
    void without_a_configured_password_no_user_is_created_and_with_one_the_first_admin_is(TestDatabase db) {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(db, null))) {
            assertThat(server.getApplicationContext().getBean(Accounts.class).all()).isEmpty();
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(db, "first admin password"))) {
            Accounts accounts = server.getApplicationContext().getBean(Accounts.class);
            assertThat(accounts.all()).containsExactly(new Accounts.Account("root", "Administrator", List.of("admin"), false));
            assertThat(server.getApplicationContext().getBean(AccountService.class)
                    .signIn("root", "first admin password", "test").permissions()).contains("administer");
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(db, "another password"))) {
            assertThat(server.getApplicationContext().getBean(Accounts.class).all())
                    .as("only when no user exists").hasSize(1);
        }
    }

    private static Map<String, Object> properties(TestDatabase db, String password) {
        Map<String, Object> p = new HashMap<>(Map.of("micronaut.server.port", -1,
                "plumbline.clickhouse.url", db.spec().httpUrl(), "plumbline.clickhouse.database", db.name(),
                "plumbline.security.bcrypt-cost", 4, "plumbline.security.initial-admin-username", "root"));
        if (password != null) {
            p.put("plumbline.security.initial-admin-password", password);
        }
        return p;
    }
}
