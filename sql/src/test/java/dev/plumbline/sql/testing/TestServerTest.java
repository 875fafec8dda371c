package dev.plumbline.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.NamedQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class TestServerTest {

    @Test
    void the_test_server_is_a_modern_clickhouse(TestDatabase db) {
        String version = db.clickHouse().queryOne(new NamedQuery("version", "SELECT version()"), r -> r.getString(1))
                .orElseThrow();
        System.out.println("test ClickHouse " + version + " from " + db.server().origin());

        assertThat(Integer.parseInt(version.substring(0, version.indexOf('.')))).isGreaterThanOrEqualTo(26);
    }

    @Test
    void each_test_class_works_in_a_database_of_its_own(TestDatabase db) {
        String current = db.clickHouse().queryOne(new NamedQuery("db", "SELECT currentDatabase()"), r -> r.getString(1))
                .orElseThrow();

        assertThat(current).isEqualTo(db.name()).startsWith("test_testservertest_");
    }
}
