package dev.plumbline.app.api;

import dev.plumbline.app.config.RequestLimitsProperties;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Every API request body against its endpoint's limit ({@link BodyLimit}, configured by {@link RequestLimitsProperties}),
 * from {@code Content-Length} alone and before anything else: a larger body is answered 413 without reading it (with
 * {@code Expect: 100-continue}, as curl sends for large bodies, it is not even sent), and a body without a length
 * (chunked) is answered 411, so that no request can make the server read or parse more than the limit. (Thrown, not
 * returned: a response built in a filter loses its body on this servlet engine.)
 */
@ServerFilter("/api/**")
public class RequestBodyLimitFilter implements Ordered {

    private final RequestLimitsProperties limits;

    public RequestBodyLimitFilter(RequestLimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();   // before authentication: not even a password check first
    }

    @RequestFilter
    public void check(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            throw RequestRefused.lengthRequired("Content-Length: required; request bodies are not taken chunked");
        }
        long length = request.getContentLength();
        if (length <= 0) {
            return;
        }
        BodyLimit.Kind kind = request.getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class)
                .flatMap(route -> route.getAnnotationMetadata().enumValue(BodyLimit.class, BodyLimit.Kind.class))
                .orElse(BodyLimit.Kind.DEFAULT);
        long limit = limit(kind);
        if (length > limit) {
            throw RequestRefused.tooLarge("the body is " + length + " bytes; this endpoint takes at most " + limit
                    + " (" + RequestLimitsProperties.PREFIX + "." + key(kind) + ")");
        }
    }

    long limit(BodyLimit.Kind kind) {
        return switch (kind) {
            case DEFAULT -> limits.maxBodyBytes();
            case CUSTOMER_IMPORT -> limits.maxCustomerImportBytes();
            case CATALOG -> limits.maxCatalogBytes();
        };
    }

    private static String key(BodyLimit.Kind kind) {
        return switch (kind) {
            case DEFAULT -> "max-body-bytes";
            case CUSTOMER_IMPORT -> "max-customer-import-bytes";
            case CATALOG -> "max-catalog-bytes";
        };
    }
}
