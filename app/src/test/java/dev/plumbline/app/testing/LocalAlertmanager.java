package dev.plumbline.app.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager 0.25; bin/test installs it) on a free loopback port, with a
 * configuration that routes every alert to one webhook receiver, at once (short group_wait). Ready when its
 * /-/ready answers 200; stopped by {@link #close()}. The delivery tests send it alerts through Plumbline; the
 * trigger oracle tests post bodies to it directly ({@link #post}) and read its webhook payloads.
 */
public final class LocalAlertmanager implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private LocalAlertmanager(Path dir, URI webhook, String receiver, List<String> groupBy) throws Exception {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: %s
                  group_by: [%s]
                  group_wait: 50ms
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: %s
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                """.formatted(receiver, String.join(", ", groupBy), receiver, webhook));
        process = new ProcessBuilder(binary(), "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=warn").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile())).start();
        awaitReady();
    }

    /** Starts one in {@code dir} whose every alert goes to {@code webhook} (receiver "test", grouped by alertname). */
    public static LocalAlertmanager start(Path dir, URI webhook) throws Exception {
        return new LocalAlertmanager(dir, webhook, "test", List.of("alertname"));
    }

    /** Starts one in {@code dir} whose every alert goes to {@code webhook}, as {@code receiver}, grouped by those labels. */
    public static LocalAlertmanager start(Path dir, URI webhook, String receiver, List<String> groupBy) throws Exception {
        return new LocalAlertmanager(dir, webhook, receiver, groupBy);
    }

    /** POSTs {@code body} to /api/v2/alerts, as Prometheus does; its answer. */
    public HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url().resolve("/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} of its API; the body. */
    public String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** PLUMBLINE_ALERTMANAGER, else prometheus-alertmanager on the PATH. */
    static String binary() {
        String env = System.getenv("PLUMBLINE_ALERTMANAGER");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(folder, "prometheus-alertmanager"))) {
                return Path.of(folder, "prometheus-alertmanager").toString();
            }
        }
        throw new IllegalStateException("prometheus-alertmanager is not installed: bin/test installs the Debian "
                + "package prometheus-alertmanager (or set PLUMBLINE_ALERTMANAGER)");
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("alertmanager exited: " + log());
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
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException("alertmanager not ready within 60 s: " + log());
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("alertmanager.log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
