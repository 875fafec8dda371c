package dev.plumbline.app.triggers;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.collectors.testing.LocalPrometheus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager 0.25; bin/test installs it) on a loopback port, routing every
 * alert, grouped by trigger, to one webhook receiver named {@value #RECEIVER} served here: what it POSTs is queued.
 */
final class LocalAlertmanager implements AutoCloseable {

    static final String RECEIVER = "hook";

    private final Path dir;
    private final int port;
    private final HttpServer receiver;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Process process;

    LocalAlertmanager(Path dir) throws Exception {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/receive", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: %s
                  group_by: [trigger]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: %s
                    webhook_configs:
                      - url: http://127.0.0.1:%d/receive
                """.formatted(RECEIVER, RECEIVER, receiver.getAddress().getPort()));
        process = new ProcessBuilder(LocalPrometheus.binary("prometheus-alertmanager"),
                "--config.file=" + dir.resolve("alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("alertmanager exited: " + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(url().resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("alertmanager not ready within 60 s: " + log());
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** POSTs {@code body} to /api/v2/alerts; returns the status code and body. */
    HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url().resolve("/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The next webhook payload it sent, waiting at most 30 s (fails if none came). */
    String nextWebhook() throws Exception {
        String body = received.poll(30, TimeUnit.SECONDS);
        if (body == null) {
            throw new AssertionError("no webhook from the Alertmanager within 30 s: " + log());
        }
        return body;
    }

    private String log() throws IOException {
        Path log = dir.resolve("alertmanager.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        receiver.stop(0);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
