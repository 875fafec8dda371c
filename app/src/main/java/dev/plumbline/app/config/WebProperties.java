package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where people reach Plumbline: plumbline.web.external-url (PLUMBLINE_WEB_EXTERNAL_URL), e.g.
 * {@code https://plumbline.example.com}. Links that leave the application (an exported alert's link back to its
 * Service page) are built from it, never from a request's Host header.
 *
 * @param externalUrl an absolute http or https URL, without query or fragment (a path prefix is kept)
 */
@ConfigurationProperties(WebProperties.PREFIX)
public record WebProperties(@Bindable(defaultValue = "http://localhost:8080") String externalUrl) {

    public static final String PREFIX = "plumbline.web";

    public WebProperties {
        String key = PREFIX + ".external-url";
        String url = externalUrl == null ? "" : externalUrl.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + url + "' is not a URL: " + e.getReason());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(key + ": '" + url + "' must be an absolute http or https URL without "
                    + "query or fragment, e.g. https://plumbline.example.com");
        }
        externalUrl = url.replaceAll("/+$", "");
    }

    /** The Service page of {@code service}: {@code <external-url>/service?name=<service>}. */
    public String servicePage(String service) {
        return externalUrl + "/service?name=" + URLEncoder.encode(service, StandardCharsets.UTF_8);
    }
}
