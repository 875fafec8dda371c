package dev.plumbline.app.api;

import dev.plumbline.sql.psr.Dates;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every API request's query parameters against the matched endpoint's declared {@code @QueryValue} arguments, in
 * one place: an unknown parameter (a typo such as {@code dryrun} or {@code segment} where there is no such filter)
 * and a repeated one are refused, so that a request never silently means something else than it says. Typed
 * values are read strictly: a boolean is {@code true} or {@code false} (not 1, yes, or empty), a number or date is
 * not empty, and dates, months and instants are within {@link Dates#RANGE}. Every refusal is a 400 naming the
 * parameter. (Thrown, not returned: a response built in a filter loses its body on this servlet engine.)
 */
@ServerFilter("/api/**")
public class QueryParameterFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 20;   // after authentication: strangers learn nothing
    }

    @RequestFilter
    public void check(HttpRequest<?> request) {
        UriRouteMatch<?, ?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class).orElse(null);
        if (route == null) {
            return; // no such endpoint: the 404 follows
        }
        Map<String, Argument<?>> declared = declared(route);
        Map<String, String> seen = new LinkedHashMap<>();
        String query = request.getUri().getRawQuery();
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode("query", equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(name, pair.substring(equals + 1));
            Argument<?> argument = declared.get(name);
            if (argument == null) {
                throw RequestRefused.badRequest(name, "unknown parameter; " + (declared.isEmpty()
                        ? "this endpoint takes none" : "this endpoint takes " + String.join(", ", declared.keySet())));
            }
            if (seen.put(name, value) != null) {
                throw RequestRefused.badRequest(name, "given more than once; give it once");
            }
            checkValue(name, argument.getType(), value);
        }
    }

    /** The query parameters the endpoint's method declares, by name. */
    private static Map<String, Argument<?>> declared(UriRouteMatch<?, ?> route) {
        Map<String, Argument<?>> out = new TreeMap<>();
        for (Argument<?> argument : route.getRouteInfo().getTargetMethod().getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                out.put(argument.getAnnotationMetadata().stringValue(QueryValue.class).orElse(argument.getName()), argument);
            }
        }
        return out;
    }

    static void checkValue(String name, Class<?> type, String value) {
        if (type == boolean.class || type == Boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                throw RequestRefused.badRequest(name, "must be true or false, was '" + shorten(value) + "'");
            }
        } else if (type == String.class) {
            return; // the endpoint checks its own text
        } else if (value.isBlank()) {
            throw RequestRefused.badRequest(name, "empty; give a value or leave the parameter out");
        } else if (type == LocalDate.class) {
            Dates.date(name, value);
        } else if (type == YearMonth.class) {
            Dates.month(name, value);
        } else if (type == Instant.class) {
            Dates.instant(name, value);
        } // numbers: Micronaut's conversion refuses what is not one, naming the parameter
    }

    private static String decode(String name, String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(name, "not URL-encoded correctly: '" + shorten(text) + "'");
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
