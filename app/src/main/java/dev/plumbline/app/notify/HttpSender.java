package dev.plumbline.app.notify;

import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.Notification.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * POSTs a notification's body, exactly as the outbox holds it, with its Content-Type, {@code Idempotency-Key: <id>}
 * and the destination's Authorization header: to an Alertmanager's {@code /api/v2/alerts} below its URL, to a webhook,
 * a Slack incoming webhook or a tracker's create-issue URL as it is. A 2xx is sent; a 4xx other than 408 and 429 is
 * permanent; a 5xx, 408, 429 (with its Retry-After), a timeout or a connection error may pass. Redirects are not
 * followed (a destination that moved is a configuration to fix): they are permanent too.
 */
public final class HttpSender implements Sender {

    /** The header a receiver reads to drop a second delivery of the same notification. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String ALERTMANAGER_PATH = "/api/v2/alerts";
    private static final int ANSWER_KEPT = 300;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public HttpSender(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Where a notification for {@code destination} is POSTed. */
    static URI target(Destination destination) {
        if (destination.channel() != Channel.ALERTMANAGER) {
            return destination.url();
        }
        String base = destination.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ALERTMANAGER_PATH);
    }

    @Override
    public Attempt send(Notification notification, Destination destination) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target(destination)).timeout(timeout)
                .header("Content-Type", notification.contentType().isEmpty() ? "application/json" : notification.contentType())
                .header(IDEMPOTENCY_KEY, notification.id())
                .POST(HttpRequest.BodyPublishers.ofString(notification.body(), StandardCharsets.UTF_8));
        if (destination.authorization() != null && !destination.authorization().isBlank()) {
            request.header("Authorization", destination.authorization());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Attempt.retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.retry("interrupted while sending", null);
        }
        return answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }

    /** What a destination's answer means: the rule of this class, over the status, body and Retry-After. */
    Attempt answer(int status, String body, String retryAfter) {
        if (status >= 200 && status < 300) {
            return Attempt.sent();
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + start(body));
        if (status >= 500 || status == 408 || status == 429) {
            return Attempt.retry(error, retryAfter(retryAfter));
        }
        return Attempt.permanent(error);
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable (the backoff decides then). */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String start(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() > ANSWER_KEPT ? line.substring(0, ANSWER_KEPT) + "..." : line;
    }
}
