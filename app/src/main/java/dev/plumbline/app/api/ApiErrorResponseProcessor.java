package dev.plumbline.app.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every error Micronaut builds (unknown route, invalid parameter, unreadable body, handled exceptions) into an
 * {@link ApiError} JSON body, instead of Micronaut's HATEOAS shape.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<ApiError.Detail> details = context.getErrors().stream()
                .map(e -> new ApiError.Detail(e.getPath().map(ApiErrorResponseProcessor::field).orElse(null), e.getMessage()))
                .toList();
        String message = details.isEmpty() ? status.getReason()
                : details.size() > 3 ? details.size() + " problems, the first: " + details.getFirst().message()
                : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (context.getRootCause().map(c -> c instanceof dev.plumbline.collectors.imports.ImportRejected
                || c instanceof dev.plumbline.collectors.catalog.CatalogRejected).orElse(false)) {
            message = context.getRootCause().get().getMessage();
        }
        ApiError body = new ApiError(status.getCode(), status.getReason(), message,
                context.getRequest().getPath(), details);
        return response.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Micronaut names unconvertible arguments as JSON pointers ({@code /offset}); the API names them plainly. */
    private static String field(String path) {
        return path.startsWith("/") ? path.substring(1).replace('/', '.') : path;
    }
}
