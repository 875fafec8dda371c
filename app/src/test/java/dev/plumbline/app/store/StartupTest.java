package dev.plumbline.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class StartupTest {

    @Test
    void the_schema_is_current_before_the_first_request(TestDatabase db) {
        try (RunningApp app = RunningApp.start(db, Map.of())) {
            long tables = db.clickHouse().queryOne(new NamedQuery("tables",
                    "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'services'"),
                    r -> r.getLong(1)).orElseThrow();
            assertThat(tables).isEqualTo(1);
        }
    }

    @Test
    void an_unreachable_clickhouse_stops_the_start_with_a_message_naming_it() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        Throwable thrown = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "plumbline.clickhouse.url", url)).close());

        assertThat(thrown).isNotNull();
        Throwable t = thrown;
        while (t != null && !(t instanceof StoreException)) {
            t = t.getCause();
        }
        assertThat(t).as("a StoreException in the cause chain of %s", thrown).isInstanceOf(StoreException.class);
        assertThat(t.getMessage()).startsWith("query create_database (plumbline at " + url + ") failed")
                .contains("Connection refused");
        assertThat(((StoreException) t).retryable()).isTrue();
    }
}
