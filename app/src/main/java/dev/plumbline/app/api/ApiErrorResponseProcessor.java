package dev.plumbline.app.api;

import dev.plumbline.collectors.catalog.CatalogRejected;
import dev.plumbline.collectors.imports.ImportRejected;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error Micronaut builds (unknown route, invalid parameter, unreadable body, handled and unhandled
 * exceptions) into an {@link ApiError} JSON body, instead of Micronaut's HATEOAS shape. A server error (5xx) gets an
 * error id, logged here with its cause; its body carries the id and a plain message, never the cause's text (a
 * database's message says things about the schema and the server that are no business of a client).
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponseProcessor.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String path = context.getRequest().getPath();
        if (status.getCode() >= 500) {
            String id = errorId();
            Throwable cause = context.getRootCause().orElse(null);
            String what = context.getRequest().getMethodName() + " " + path + " answered " + status.getCode();
            String message;
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                LOG.warn("error {}: {}: {}", id, what, cause == null ? "(no cause)" : cause.toString());
                message = context.getErrors().isEmpty() ? "the service is unavailable; try again later"
                        : context.getErrors().getFirst().getMessage();
            } else {
                LOG.error("error {}: {}", id, what, cause);
                message = "internal error: the server's log has the details under error id " + id;
            }
            return response.body(new ApiError(status.getCode(), status.getReason(), message, path, List.of(), id))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        List<ApiError.Detail> details = context.getErrors().stream().map(ApiErrorResponseProcessor::detail).toList();
        String message = details.isEmpty() ? status.getReason()
                : details.size() > 3 ? details.size() + " problems, the first: " + details.getFirst().message()
                : details.stream().map(ApiError.Detail::message).collect(Collectors.joining("; "));
        if (context.getRootCause().map(c -> c instanceof ImportRejected || c instanceof CatalogRejected).orElse(false)) {
            message = context.getRootCause().get().getMessage();
        }
        return response.body(new ApiError(status.getCode(), status.getReason(), message, path, details, null))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** A detail whose message begins with its field, as every message of this API does. */
    private static ApiError.Detail detail(Error error) {
        String field = error.getPath().map(ApiErrorResponseProcessor::field).filter(f -> !f.isEmpty()).orElse(null);
        String message = error.getMessage();
        return new ApiError.Detail(field, field == null || message.startsWith(field + ": ") ? message
                : field + ": " + message);
    }

    /** Micronaut names unconvertible arguments as JSON pointers ({@code /offset}); the API names them plainly. */
    private static String field(String path) {
        return path.startsWith("/") ? path.substring(1).replace('/', '.') : path;
    }

    /** 12 hex digits: short enough to read out, enough to find one line in a log. */
    static String errorId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
