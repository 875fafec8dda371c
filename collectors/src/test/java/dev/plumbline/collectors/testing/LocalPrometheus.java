package dev.plumbline.collectors.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (the Debian package's binary; bin/test installs it) on a loopback port, scraping the given
 * targets; its data directory may be filled with history first by {@link #backfill}. Tests start and stop it, and
 * stop it in the middle of a collection to make a gap.
 */
public final class LocalPrometheus implements AutoCloseable {

    private final Path dir;
    private final List<URI> targets;
    private final Duration scrapeInterval;
    private final int port;
    private Process process;
    private String remoteWrite = "";
    private final List<String> flags = new ArrayList<>();

    private LocalPrometheus(Path dir, List<URI> targets, Duration scrapeInterval) throws IOException {
        this.dir = dir;
        this.targets = List.copyOf(targets);
        this.scrapeInterval = scrapeInterval;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    /** The binary: PLUMBLINE_PROMETHEUS, else prometheus on the PATH. */
    public static String binary(String name) {
        String env = System.getenv("PLUMBLINE_" + name.toUpperCase());
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: bin/test installs the Debian package prometheus "
                + "(or set PLUMBLINE_" + name.toUpperCase() + ")");
    }

    /** Turns OpenMetrics text with timestamps into TSDB blocks under {@code dir}/data (before {@link #start}). */
    public static void backfill(Path openMetrics, Path dir) throws IOException, InterruptedException {
        backfillStarted(openMetrics, dir).await();
    }

    /** A promtool run turning one file into blocks; one at a time per data directory. */
    public record Backfill(Process process, Path log) {
        public void await() throws IOException, InterruptedException {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool failed: " + Files.readString(log));
            }
        }
    }

    /** {@link #backfill}, started: the caller may prepare the next file meanwhile, then {@link Backfill#await}s. */
    public static Backfill backfillStarted(Path openMetrics, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("promtool.log");
        Process p = new ProcessBuilder(binary("promtool"), "tsdb", "create-blocks-from", "openmetrics",
                openMetrics.toString(), dir.resolve("data").toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Backfill(p, log);
    }

    public static LocalPrometheus start(Path dir, List<URI> targets, Duration scrapeInterval) throws Exception {
        LocalPrometheus p = new LocalPrometheus(dir, targets, scrapeInterval);
        p.start();
        return p;
    }

    /**
     * Configures (before the next {@link #start}) a remote_write to {@code url} with a bearer token, sending within a
     * second and retrying every second at most, as the remote-write tests need; external labels tag the server.
     */
    public LocalPrometheus remoteWrite(URI url, String bearerToken, java.util.Map<String, String> externalLabels) {
        StringBuilder c = new StringBuilder();
        if (!externalLabels.isEmpty()) {
            c.append("  external_labels:\n");
            externalLabels.forEach((k, v) -> c.append("    ").append(k).append(": '").append(v).append("'\n"));
        }
        c.append("remote_write:\n  - url: '").append(url).append("'\n    authorization:\n      credentials: '")
                .append(bearerToken).append("'\n    queue_config:\n      batch_send_deadline: 1s\n")
                .append("      min_backoff: 100ms\n      max_backoff: 1s\n      max_samples_per_send: 200\n");
        remoteWrite = c.toString();
        return this;
    }

    /**
     * Keeps the blocks as they are (before the next {@link #start}): no compaction of 2-hour blocks into longer ones
     * ({@code --storage.tsdb.max-block-duration=2h}), which Prometheus would otherwise start a minute after its start,
     * in the middle of a benchmark's reads. Blocks that overlap are still merged: backfilled blocks should not.
     */
    public LocalPrometheus keepBlocks() {
        flags.add("--storage.tsdb.max-block-duration=2h");
        return this;
    }

    /** Lets one query run for {@code timeout} (before the next {@link #start}; Prometheus' default is 2 minutes). */
    public LocalPrometheus queryTimeout(Duration timeout) {
        flags.add("--query.timeout=" + timeout.toSeconds() + "s");
        return this;
    }

    /** {@link #start()}, for a chain of calls. */
    public LocalPrometheus started() throws Exception {
        start();
        return this;
    }

    /** The running server's process (its CPU time is a benchmark's figure). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** A server that starts on a later {@link #start} (scrape targets given; nothing backfilled). */
    public static LocalPrometheus prepare(Path dir, List<URI> targets, Duration scrapeInterval) throws IOException {
        return new LocalPrometheus(dir, targets, scrapeInterval);
    }

    /** Starts (again) on the same port and data directory. */
    public void start() throws Exception {
        // the remote_write block begins with the external labels, which belong to global
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: " + scrapeInterval.toSeconds() + "s\n"
                + "  evaluation_interval: 1m\n" + remoteWrite + "scrape_configs:\n");
        if (!targets.isEmpty()) {
            config.append("  - job_name: demo\n    static_configs:\n      - targets:\n");
            for (URI t : targets) {
                config.append("          - '").append(t.getHost()).append(':').append(t.getPort()).append("'\n");
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("prometheus.yml"), config.toString());
        List<String> command = new ArrayList<>(List.of(binary("prometheus"),
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=3650d", "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"));
        command.addAll(flags);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prometheus.log").toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                var r = http.send(HttpRequest.newBuilder(url().resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus not ready within 60 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops the server (its data stays); {@link #start} brings it back on the same port. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
