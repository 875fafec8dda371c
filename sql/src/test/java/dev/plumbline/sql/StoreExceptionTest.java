package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class StoreExceptionTest {

    @Test
    void a_wrong_statement_carries_the_server_code_and_is_not_retryable(TestDatabase db) {
        StoreException e = catchStore(() -> db.clickHouse().query(new NamedQuery("x/bad.sql", "SELECT nope"), r -> 1));

        assertThat(e.code()).isEqualTo(47);
        assertThat(e.retryable()).isFalse();
        assertThat(e.query()).isEqualTo("bad");
        assertThat(e.getMessage()).startsWith("query bad failed: Code: 47.");
    }

    @Test
    void an_unreachable_server_is_retryable_and_says_why() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ClickHouse down = ClickHouse.connect(new ConnectionSpec("http://127.0.0.1:" + closedPort, "x", null, null),
                1, QueryListener.NONE)) {
            StoreException e = catchStore(() -> down.query(new NamedQuery("x/ping.sql", "SELECT 1"), r -> 1));

            assertThat(e.code()).isEqualTo(-1);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("Connection refused");
        }
    }

    @Test
    void a_connection_reset_by_the_server_is_retryable() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            Thread resetter = new Thread(() -> {
                while (!s.isClosed()) {
                    try (java.net.Socket c = s.accept()) {
                        c.getInputStream().read();   // the request has begun: reset the connection under it
                        c.setSoLinger(true, 0);
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            resetter.setDaemon(true);
            resetter.start();
            try (ClickHouse down = ClickHouse.connect(new ConnectionSpec("http://127.0.0.1:" + s.getLocalPort(), "x",
                    null, null), 1, QueryListener.NONE)) {
                StoreException e = catchStore(() -> down.query(new NamedQuery("x/ping.sql", "SELECT 1"), r -> 1));

                assertThat(e.code()).isEqualTo(-1);
                assertThat(e.retryable()).as(e.getMessage()).isTrue();
            }
        }
    }

    @Test
    void the_listener_hears_of_successes_and_failures(TestDatabase db) {
        var heard = new java.util.ArrayList<String>();
        try (ClickHouse ch = ClickHouse.connect(db.spec(), 1,
                (query, took, rows, failure) -> heard.add(query + ":" + rows + ":" + (failure == null ? "ok" : failure.code())))) {
            ch.query(new NamedQuery("a/three.sql", "SELECT number FROM numbers(3)"), r -> r.getLong(1));
            catchStore(() -> ch.execute(new NamedQuery("a/broken.sql", "SELEKT 1")));
        }
        assertThat(heard).containsExactly("three:3:ok", "broken:0:62");
    }

    private static StoreException catchStore(Runnable r) {
        try {
            r.run();
        } catch (StoreException e) {
            return e;
        }
        throw new AssertionError("expected a StoreException");
    }
}
