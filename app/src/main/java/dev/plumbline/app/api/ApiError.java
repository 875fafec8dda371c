package dev.plumbline.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of every error the API returns.
 *
 * @param status  the HTTP status code
 * @param error   its reason phrase
 * @param message what went wrong, for a person
 * @param path    the request path
 * @param details one entry per problem, e.g. per invalid parameter
 */
@Serdeable
public record ApiError(int status, String error, String message, String path, List<Detail> details) {

    /**
     * @param field the parameter or field at fault, or null
     */
    @Serdeable
    public record Detail(@Nullable String field, String message) {
    }
}
