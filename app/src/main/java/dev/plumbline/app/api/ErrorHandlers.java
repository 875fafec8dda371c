package dev.plumbline.app.api;

import dev.plumbline.app.security.SameOriginFilter;
import dev.plumbline.collectors.catalog.CatalogRejected;
import dev.plumbline.collectors.imports.ImportRejected;
import dev.plumbline.sql.StoreException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps Plumbline's exceptions to API errors. */
final class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    /** A handler that answers through the {@link ErrorResponseProcessor}, so its body is an {@link ApiError}. */
    abstract static class ApiExceptionHandler<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {

        final ErrorResponseProcessor<?> processor;

        ApiExceptionHandler(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        HttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, Throwable cause, String message) {
            return processor.processResponse(ErrorContext.builder(request).cause(cause).errorMessage(message).build(),
                    HttpResponse.status(status));
        }

        HttpResponse<?> problems(HttpRequest<?> request, Throwable cause, java.util.List<Error> details) {
            ErrorContext.Builder context = ErrorContext.builder(request).cause(cause);
            details.forEach(context::error);
            return processor.processResponse(context.build(), HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY));
        }

        static Error detail(String where, String message) {
            return new Error() {
                @Override
                public String getMessage() {
                    return message;
                }

                @Override
                public java.util.Optional<String> getPath() {
                    return where.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(where);
                }
            };
        }
    }

    /** 404 with the exception's message. */
    @Singleton
    @Produces
    static final class NotFound extends ApiExceptionHandler<NotFoundException> {

        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NotFoundException e) {
            return respond(request, HttpStatus.NOT_FOUND, e, e.getMessage());
        }
    }

    /** ClickHouse failed: 503 when trying again later may work (server unreachable, overloaded), else 500. */
    @Singleton
    @Produces
    static final class Store extends ApiExceptionHandler<StoreException> {

        Store(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, StoreException e) {
            LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            HttpStatus status = e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
            return respond(request, status, e, "the store could not answer: " + e.getMessage());
        }
    }

    /**
     * Invalid parameters or bodies: 400 with one detail per violation, naming the parameter or field (Micronaut's
     * own handler puts the name only into the message).
     */
    @Singleton
    @Produces
    @Replaces(ConstraintExceptionHandler.class)
    static final class Constraints extends ApiExceptionHandler<ConstraintViolationException> {

        Constraints(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
            ErrorContext.Builder context = ErrorContext.builder(request).cause(e);
            e.getConstraintViolations().stream()
                    .sorted(java.util.Comparator.comparing(v -> field(v) + v.getMessage()))
                    .forEach(v -> context.error(new Error() {
                        @Override
                        public String getMessage() {
                            return field(v) + ": " + v.getMessage();
                        }

                        @Override
                        public java.util.Optional<String> getPath() {
                            return java.util.Optional.of(field(v));
                        }
                    }));
            return processor.processResponse(context.build(), HttpResponse.badRequest());
        }

        /** The parameter or field name: the property path without the method node ({@code list.limit} is {@code limit}). */
        private static String field(ConstraintViolation<?> violation) {
            StringBuilder out = new StringBuilder();
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                    continue;
                }
                if (node.getName() != null) {
                    out.append(out.isEmpty() ? "" : ".").append(node.getName());
                }
            }
            return out.toString();
        }
    }

    /** A refused import: 422, nothing written, one detail per problem (where, and what is wrong). */
    @Singleton
    @Produces
    static final class Import extends ApiExceptionHandler<ImportRejected> {

        Import(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ImportRejected e) {
            return problems(request, e, e.problems().stream()
                    .map(p -> detail(p.row() == 0 ? "" : "row " + p.row() + (p.column().isEmpty() ? "" : ", column '" + p.column() + "'"),
                            p.column().isEmpty() && p.row() == 0 ? p.reason() : p.toString())).toList());
        }
    }

    /** A refused catalog: 422, nothing written, one detail per problem (file and YAML path). */
    @Singleton
    @Produces
    static final class Catalog extends ApiExceptionHandler<CatalogRejected> {

        Catalog(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, CatalogRejected e) {
            return problems(request, e, e.problems().stream()
                    .map(p -> detail(p.file() + (p.path().isEmpty() ? "" : ": " + p.path()), p.toString())).toList());
        }
    }

    /** A cookie-authenticated write from another site: 403 with the reason. */
    @Singleton
    @Produces
    static final class CrossSite extends ApiExceptionHandler<SameOriginFilter.CrossSiteRequestException> {

        CrossSite(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, SameOriginFilter.CrossSiteRequestException e) {
            LOG.warn("{} {} refused: {}", request.getMethod(), request.getPath(), e.getMessage());
            return respond(request, HttpStatus.FORBIDDEN, e, e.getMessage());
        }
    }

    /** A value that passed parameter binding but not the domain's own checks: 400 with the reason. */
    @Singleton
    @Produces
    static final class BadArgument extends ApiExceptionHandler<IllegalArgumentException> {

        BadArgument(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, IllegalArgumentException e) {
            return respond(request, HttpStatus.BAD_REQUEST, e, e.getMessage());
        }
    }
}
