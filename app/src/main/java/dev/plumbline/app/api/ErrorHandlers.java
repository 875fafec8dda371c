package dev.plumbline.app.api;

import dev.plumbline.app.security.SameOriginFilter;
import dev.plumbline.collectors.catalog.CatalogRejected;
import dev.plumbline.collectors.imports.ImportRejected;
import dev.plumbline.sql.StoreException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
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
            return respond(request, HttpResponse.status(status), cause, message);
        }

        HttpResponse<?> respond(HttpRequest<?> request, MutableHttpResponse<?> response, Throwable cause, String message) {
            return processor.processResponse(ErrorContext.builder(request).cause(cause).errorMessage(message).build(),
                    response);
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

    /** A refusal the API itself decided: its status, and the field at fault in the detail. */
    @Singleton
    @Produces
    static final class Refused extends ApiExceptionHandler<RequestRefused> {

        Refused(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, RequestRefused e) {
            return processor.processResponse(ErrorContext.builder(request).cause(e)
                    .error(detail(e.field() == null ? "" : e.field(), e.getMessage())).build(), HttpResponse.status(e.status()));
        }
    }

    /**
     * ClickHouse failed. When trying again later may work (server unreachable, overloaded): 503 with a plain message
     * and Retry-After. Otherwise a server error (500) with an error id; the store's message goes to the log only.
     */
    @Singleton
    @Produces
    static final class Store extends ApiExceptionHandler<StoreException> {

        /** Seconds a client should wait before trying again. */
        static final int RETRY_AFTER_SECONDS = 5;

        Store(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, StoreException e) {
            if (e.retryable()) {
                return respond(request, HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)), e,
                        "the store cannot answer right now (unreachable or overloaded); try again in "
                                + RETRY_AFTER_SECONDS + " seconds");
            }
            return respond(request, HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR), e, "internal error");
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

        /**
         * The parameter or field name: the property path without the method node ({@code list.limit} is
         * {@code limit}), and for a field of a body without the body parameter ({@code createUser.user.username} is
         * {@code username}, as the client wrote it).
         */
        private static String field(ConstraintViolation<?> violation) {
            List<String> names = new ArrayList<>();
            boolean parameter = false;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                    continue;
                }
                if (parameter && node.getKind() == ElementKind.PROPERTY) {
                    names.removeFirst(); // the body parameter's Java name: not something the client sent
                }
                parameter = node.getKind() == ElementKind.PARAMETER;
                if (node.getName() != null) {
                    names.add(node.getName());
                }
            }
            return String.join(".", names);
        }
    }

    /**
     * A parameter or path variable that cannot be converted to its type ({@code offset=ten}): 400 naming it, in
     * words rather than Micronaut's "Failed to convert argument [offset] for value [ten] due to: ...".
     */
    @Singleton
    @Produces
    @Replaces(ConversionErrorHandler.class)
    static final class Conversion extends ApiExceptionHandler<ConversionErrorException> {

        Conversion(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            Argument<?> argument = e.getArgument();
            String name = argument.getAnnotationMetadata().stringValue(QueryValue.class).orElse(argument.getName());
            String value = e.getConversionError().getOriginalValue().map(String::valueOf).orElse("");
            String message = name + ": must be " + kind(argument.getType()) + ", was '"
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
            return processor.processResponse(ErrorContext.builder(request).cause(e).error(detail(name, message)).build(),
                    HttpResponse.badRequest());
        }

        private static String kind(Class<?> type) {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "a whole number";
            }
            if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
                return "a number";
            }
            return "a " + type.getSimpleName();
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

    /**
     * A value that passed parameter binding but not the domain's own checks: 400 with the reason. By this project's
     * convention the message begins with the field it is about ({@code "kind: 'x' is not one of ..."}); that field is
     * the detail's field.
     */
    @Singleton
    @Produces
    static final class BadArgument extends ApiExceptionHandler<IllegalArgumentException> {

        private static final java.util.regex.Pattern LEADING_FIELD =
                java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9_]*(?:\\[\\d+])*(?:\\.[A-Za-z0-9_]+(?:\\[\\d+])*)*): ");

        BadArgument(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, IllegalArgumentException e) {
            String message = e.getMessage() == null ? "invalid request" : e.getMessage();
            return processor.processResponse(ErrorContext.builder(request).cause(e).error(detail(fieldOf(message),
                    message)).build(), HttpResponse.badRequest());
        }

        /**
         * The field a message begins with ({@code "roles: ..."}, {@code "columns.arr: ..."},
         * {@code "candidates[1].rules[0].factor: ..."}), or "".
         */
        static String fieldOf(String message) {
            java.util.regex.Matcher m = LEADING_FIELD.matcher(message);
            return m.lookingAt() ? m.group(1) : "";
        }
    }
}
