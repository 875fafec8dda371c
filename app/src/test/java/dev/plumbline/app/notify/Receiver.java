package dev.plumbline.app.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real HTTP server on a free loopback port that records every request it receives and answers each with the next
 * planned answer (200 once the plan is used up). What a notification's receiver sees.
 */
public final class Receiver implements AutoCloseable {

    /** A request as it arrived. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer to give: status, body and extra headers. */
    public record Answer(int status, String body, Map<String, String> headers) {

        public static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> plan = new ArrayDeque<>();
    private volatile Runnable beforeAnswer = () -> { };

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (requests) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                requests.notifyAll();   // wakes await
            }
            beforeAnswer.run();
            Answer answer;
            synchronized (plan) {
                answer = plan.isEmpty() ? Answer.of(200, "ok") : plan.removeFirst();
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers the next requests with these, in order. */
    public Receiver answer(Answer... answers) {
        synchronized (plan) {
            plan.addAll(List.of(answers));
        }
        return this;
    }

    /** Runs {@code action} after recording each request and before answering it. */
    public void beforeAnswer(Runnable action) {
        this.beforeAnswer = action;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * Waits until the requests received satisfy {@code done} (woken by each request that arrives); fails the test
     * after {@code within}.
     */
    public List<Request> await(Predicate<List<Request>> done, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (requests) {
            while (!done.test(requests())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("within " + within + ": " + what + "; received " + requests().size()
                            + " requests: " + requests().stream().map(r -> r.method() + " " + r.path()).toList());
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(requests, left);
            }
            return requests();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
