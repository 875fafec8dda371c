package dev.plumbline.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of every error the API returns.
 *
 * @param status  the HTTP status code
 * @param error   its reason phrase
 * @param message what went wrong, for a person; for a server error (5xx) a plain sentence with the error id, never
 *                the cause's own text (which is in the server's log, under the same id)
 * @param path    the request path
 * @param details one entry per problem, e.g. per invalid parameter
 * @param errorId for a server error (5xx) only: the id of the server log line that has the cause
 */
@Serdeable
public record ApiError(int status, String error, String message, String path, List<Detail> details,
                       @Nullable String errorId) {

    /**
     * @param field the parameter, body field or path variable at fault, or null when the problem is about no one field
     */
    @Serdeable
    public record Detail(@Nullable String field, String message) {
    }
}
