package dev.plumbline.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/clickhouse}: what it says when it cannot do what was asked. (Starting it is what every other test does.) */
class ClickHouseScriptTest {

    private static final Path SCRIPT = Path.of("../bin/clickhouse").toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void a_port_in_use_is_refused_by_number_and_nothing_is_started() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result r = run("start", "--data", data.toString(), "--http-port", Integer.toString(taken.getLocalPort()));

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("HTTP port " + taken.getLocalPort() + " is already in use by another process");
            assertThat(data.resolve("run/pid")).doesNotExist();
        }
    }

    @Test
    void a_port_that_is_not_a_number_is_refused() throws Exception {
        Result r = run("start", "--data", data.toString(), "--tcp-port", "99999");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("'99999' is not a port number (1-65535)");
    }

    @Test
    void status_of_a_server_that_was_never_started_fails_quietly() throws Exception {
        Result r = run("status", "--data", data.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void stopping_a_server_that_is_not_running_is_harmless() throws Exception {
        assertThat(run("stop", "--data", data.toString()).exit()).isZero();
    }

    @Test
    void an_unknown_option_is_named() throws Exception {
        Result r = run("start", "--data", data.toString(), "--colour", "blue");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unknown option '--colour'");
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out.strip(), err.strip());
    }

}
