package dev.plumbline.app.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * 401 (not signed in: with {@code WWW-Authenticate} and how to authenticate) and 403 (signed in, but the roles do not
 * allow it), both with the API's JSON error body. Never a redirect: browsers reach the API from a signed-in page.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationErrorHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    public AuthorizationErrorHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            String roles = exception.getAuthentication() == null ? "none"
                    : Authentications.identity(exception.getAuthentication()).map(i -> String.join(", ", i.roles())).orElse("none");
            return processor.processResponse(ErrorContext.builder(request).cause(exception)
                    .errorMessage("your roles (" + roles + ") do not allow " + request.getMethodName() + " "
                            + request.getPath()).build(), HttpResponse.status(HttpStatus.FORBIDDEN));
        }
        String message = request.getAttribute(BasicAuthentication.FAILURE, String.class)
                .map(reason -> "basic auth refused: " + reason)
                .orElse("sign in first: send an API token (Authorization: Bearer plb_...), "
                        + "a user name and password (basic auth), or the session cookie of a dashboard sign-in");
        return processor.processResponse(ErrorContext.builder(request).cause(exception).errorMessage(message)
                        .build(), HttpResponse.status(HttpStatus.UNAUTHORIZED))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Plumbline\", charset=\"UTF-8\"");
    }
}
