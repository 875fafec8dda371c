package dev.plumbline.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * The API refuses a request for a reason the client can fix: answered with {@link #status()} and the usual JSON error
 * body, whose detail names {@link #field()} (the parameter, body field or path variable at fault) when there is one.
 * The message begins with the field it is about, as every message of this API does.
 */
public final class RequestRefused extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    private RequestRefused(HttpStatus status, @Nullable String field, String message) {
        super(field == null || message.startsWith(field + ": ") ? message : field + ": " + message);
        this.status = status;
        this.field = field;
    }

    /** 400: the value of {@code field} cannot work. */
    public static RequestRefused badRequest(String field, String reason) {
        return new RequestRefused(HttpStatus.BAD_REQUEST, field, reason);
    }

    /** 403: the caller may call the endpoint, but not with this value of {@code field} (figures its role does not see). */
    public static RequestRefused forbidden(String field, String reason) {
        return new RequestRefused(HttpStatus.FORBIDDEN, field, reason);
    }

    /** 404: nothing is named by {@code field}'s value. */
    public static RequestRefused notFound(String field, String reason) {
        return new RequestRefused(HttpStatus.NOT_FOUND, field, reason);
    }

    /** 409: the change is well formed but the current state does not allow it. */
    public static RequestRefused conflict(String field, String reason) {
        return new RequestRefused(HttpStatus.CONFLICT, field, reason);
    }

    /** 411: a request body without a length. */
    public static RequestRefused lengthRequired(String reason) {
        return new RequestRefused(HttpStatus.LENGTH_REQUIRED, null, reason);
    }

    /** 413: a request body over its limit. */
    public static RequestRefused tooLarge(String reason) {
        return new RequestRefused(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null, reason);
    }

    public HttpStatus status() {
        return status;
    }

    /** The parameter, body field or path variable at fault, or null when the refusal is about no one field. */
    @Nullable
    public String field() {
        return field;
    }
}
