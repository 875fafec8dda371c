package dev.plumbline.collectors.prometheus;

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

    public SourceException(String source, int status, String errorType, String message, boolean retryable,
                           Throwable cause) {
        super("source " + source + ": " + (status > 0 ? "HTTP " + status + " " : "") + errorType + ": " + message,
                cause);
        this.source = source;
        this.status = status;
        this.errorType = errorType;
        this.retryable = retryable;
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
