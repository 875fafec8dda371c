package dev.plumbline.collectors.testing;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ClickHouse server of its own (bin/clickhouse, chDB) that a test may stop and start again on the same ports and
 * data, to play an outage; the shared test server is never stopped.
 */
public final class OwnClickHouse implements AutoCloseable {

    private final Path data;
    private final int httpPort;
    private final int tcpPort;
    private final Path script;

    public OwnClickHouse(Path data) throws IOException {
        this.data = data;
        this.httpPort = freePort();
        this.tcpPort = freePort();
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isExecutable(p.resolve("bin/clickhouse"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("bin/clickhouse not found above " + Path.of("").toAbsolutePath());
        }
        this.script = p.resolve("bin/clickhouse");
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public void start() throws Exception {
        run(List.of(script.toString(), "start", "--data", data.toString(), "--http-port", Integer.toString(httpPort),
                "--tcp-port", Integer.toString(tcpPort), "--exit-with", Long.toString(ProcessHandle.current().pid())));
    }

    public void stop() throws Exception {
        run(List.of(script.toString(), "stop", "--data", data.toString()));
    }

    /** Creates the database and applies the migrations. */
    public ClickHouse connectMigrated(String database) {
        ConnectionSpec spec = new ConnectionSpec(url(), database, null, null);
        ClickHouse.createDatabase(spec, "");
        ClickHouse ch = ClickHouse.connect(spec, 2, QueryListener.NONE);
        new Migrator(ch, dev.plumbline.sql.testing.TestDatabase.SCHEMA).migrate();
        return ch;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
