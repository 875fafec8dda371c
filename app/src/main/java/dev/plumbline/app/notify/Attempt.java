package dev.plumbline.app.notify;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Objects;

/**
 * What one try to send a notification came to.
 *
 * @param outcome    sent, worth trying again, or never going to work
 * @param error      why it failed ("" when sent): the status and the start of the answer, or the exception
 * @param retryAfter how long the destination asked us to wait (Retry-After), or null
 */
public record Attempt(Outcome outcome, String error, @Nullable Duration retryAfter) {

    /** How a try ended. */
    public enum Outcome { SENT, RETRY, PERMANENT }

    public Attempt {
        Objects.requireNonNull(outcome, "outcome");
        error = Objects.requireNonNullElse(error, "");
    }

    public static Attempt sent() {
        return new Attempt(Outcome.SENT, "", null);
    }

    /** A failure that may pass (a 5xx, a timeout, a refused connection). */
    public static Attempt retry(String error, @Nullable Duration retryAfter) {
        return new Attempt(Outcome.RETRY, error, retryAfter);
    }

    /** A failure that the same request will meet again (a 4xx, a refused address). */
    public static Attempt permanent(String error) {
        return new Attempt(Outcome.PERMANENT, error, null);
    }
}
