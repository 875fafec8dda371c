package dev.plumbline.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.Set;

/**
 * Against cross-site request forgery: an API write (POST, PUT, PATCH, DELETE) authenticated by the session cookie is
 * accepted only from the same origin, by {@code Sec-Fetch-Site} or else {@code Origin} against {@code Host}. Token
 * and basic-auth requests carry their credentials explicitly and need no such check. (Vaadin protects its own UI
 * requests.)
 */
@ServerFilter("/api/**")
public class SameOriginFilter implements Ordered {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (!WRITES.contains(request.getMethod())) {
            return null;
        }
        boolean viaSession = request.getUserPrincipal(Authentication.class)
                .map(a -> "session".equals(Authentications.source(a))).orElse(false);
        if (!viaSession) {
            return null;
        }
        String problem = problem(request);
        if (problem == null) {
            return null;
        }
        // Thrown, not returned: a response built in a filter loses its body on this servlet engine; the exception
        // reaches the API's error handling and gets the usual JSON body.
        throw new CrossSiteRequestException("cross-site request refused: " + problem);
    }

    /** A cookie-authenticated write that did not come from this site; answered with 403. */
    public static final class CrossSiteRequestException extends RuntimeException {

        CrossSiteRequestException(String message) {
            super(message);
        }
    }

    /** Why the request is not same-origin, or null when it is. */
    static String problem(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site) || "none".equals(site) ? null : "Sec-Fetch-Site is '" + site + "'";
        }
        String origin = request.getHeaders().get("Origin");
        String host = request.getHeaders().get("Host");
        if (origin == null) {
            return "a write with the session cookie must carry Origin or Sec-Fetch-Site (scripts: use an API token)";
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost != null && originHost.equalsIgnoreCase(host) ? null
                    : "Origin '" + origin + "' is not this site (" + host + ")";
        } catch (IllegalArgumentException e) {
            return "Origin '" + origin + "' is not a URL";
        }
    }
}
