package dev.plumbline.collectors.telemetry;

/**
 * A telemetry source failed to answer a query.
 *
 * @param source     the configured source's name
 * @param status     the HTTP status (0 when no response came: connection refused, timeout)
 * @param errorType  the API's error type (bad_data, execution, timeout, ...) or what went wrong
 * @param retryable  whether trying again later may help (5xx, 429, timeouts, unreachable) or not (400, 422, 401)
 */
public final class SourceException extends RuntimeException {

    private final String source;
    private final int status;
    private final String errorType;
    private final boolean retryable;
    private final java.time.Duration retryAfter;

    public SourceException(String source, int status, String errorType, String message, boolean retryable,
                           Throwable cause) {
        this(source, status, errorType, message, retryable, null, cause);
    }

    /** @param retryAfter when the source said how long to wait (a rate limit's reset), else null */
    public SourceException(String source, int status, String errorType, String message, boolean retryable,
                           java.time.Duration retryAfter, Throwable cause) {
        super("source " + source + ": " + (status > 0 ? "HTTP " + status + " " : "") + errorType + ": " + message,
                cause);
        this.source = source;
        this.status = status;
        this.errorType = errorType;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** How long the source asked to wait before the next call, or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public String source() {
        return source;
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public boolean retryable() {
        return retryable;
    }
}
