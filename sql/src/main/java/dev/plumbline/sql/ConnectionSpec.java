package dev.plumbline.sql;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where ClickHouse is and how to sign in: the URL of its HTTP interface, the database Plumbline owns, a user and a
 * password. Validated on construction; messages name the offending part.
 */
public record ConnectionSpec(String httpUrl, String database, String user, String password) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public ConnectionSpec {
        Objects.requireNonNull(httpUrl, "httpUrl");
        Objects.requireNonNull(database, "database");
        user = user == null || user.isBlank() ? "default" : user;
        password = password == null ? "" : password;
        httpUrl = stripTrailingSlash(httpUrl.strip());
        checkUrl(httpUrl);
        requireIdentifier("database", database);
    }

    /** A name that will be written into DDL (database, cluster): letters, digits and underscores only. */
    public static String requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' is not a valid name: use letters, digits and '_' (not starting with a digit), at most 63");
        }
        return value;
    }

    /** The same server, another database (tests use one database per class). */
    public ConnectionSpec withDatabase(String otherDatabase) {
        return new ConnectionSpec(httpUrl, otherDatabase, user, password);
    }

    @Override
    public String toString() {
        return "ConnectionSpec[" + httpUrl + ", database=" + database + ", user=" + user + "]";
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("'" + url
                    + "' must start with http:// or https:// (the URL of ClickHouse's HTTP interface, e.g. http://127.0.0.1:8123)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' has no host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("'" + url
                    + "' must not have a path or query; give the database separately");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
