package dev.plumbline.sql.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;

/**
 * The ClickHouse server the tests of this JVM share, found once:
 * <ol>
 *   <li>the URL in {@value #URL_VARIABLE} (the test command starts one server for the whole run and sets it);</li>
 *   <li>else a Testcontainers container of the official image, when a Docker engine is available;</li>
 *   <li>else a local server started with {@code bin/clickhouse} (chDB's libchdb.so), stopped when the JVM exits.</li>
 * </ol>
 */
public record TestServer(String httpUrl, String user, String password, String origin) {

    public static final String URL_VARIABLE = "PLUMBLINE_TEST_CLICKHOUSE_URL";
    public static final String IMAGE = "clickhouse/clickhouse-server:26.7";

    private static TestServer shared;

    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = find();
        }
        return shared;
    }

    private static TestServer find() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new TestServer(url.strip(), env("PLUMBLINE_TEST_CLICKHOUSE_USER", "default"),
                    env("PLUMBLINE_TEST_CLICKHOUSE_PASSWORD", ""), URL_VARIABLE);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return container();
        }
        return localServer();
    }

    /** A container of the official image; Testcontainers' Ryuk removes it when the JVM exits. */
    public static TestServer container() {
        ClickHouseContainer container = new ClickHouseContainer(IMAGE);
        container.start();
        return new TestServer("http://" + container.getHost() + ":" + container.getMappedPort(8123),
                container.getUsername(), container.getPassword(), "testcontainers " + IMAGE);
    }

    private static TestServer localServer() {
        Path root = repositoryRoot();
        Path data = root.resolve("target/test-clickhouse");
        Path script = root.resolve("bin/clickhouse");
        String out = run(List.of(script.toString(), "start", "--data", data.toString(),
                "--exit-with", Long.toString(ProcessHandle.current().pid())));
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                run(List.of(script.toString(), "stop", "--data", data.toString()))));
        String[] lines = out.strip().split("\n");
        return new TestServer(lines[lines.length - 1].strip(), "default", "", "bin/clickhouse (" + data + ")");
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/clickhouse"))) {
                return p;
            }
        }
        throw new IllegalStateException("no ClickHouse for tests: " + URL_VARIABLE + " is not set, Docker is not "
                + "available, and bin/clickhouse was not found above " + Path.of("").toAbsolutePath());
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + "); its messages are above");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
