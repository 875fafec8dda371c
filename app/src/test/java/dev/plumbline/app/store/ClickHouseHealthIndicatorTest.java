package dev.plumbline.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

@ExtendWith(ClickHouseExtension.class)
class ClickHouseHealthIndicatorTest {

    @Test
    void a_reachable_clickhouse_is_up(TestDatabase db) {
        assertThat(resultOf(db.clickHouse()).getStatus()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void an_unreachable_clickhouse_is_down_and_says_where_it_was_looked_for() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ClickHouse down = ClickHouse.connect(new ConnectionSpec("http://127.0.0.1:" + closedPort, "x", null, null),
                1, QueryListener.NONE)) {
            HealthResult result = resultOf(down);

            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(result.getDetails().toString()).contains("http://127.0.0.1:" + closedPort);
        }
    }

    private static HealthResult resultOf(ClickHouse clickHouse) {
        return Mono.from(new ClickHouseHealthIndicator(clickHouse).getResult()).block();
    }
}
