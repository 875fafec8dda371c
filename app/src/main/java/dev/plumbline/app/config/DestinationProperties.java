package dev.plumbline.app.config;

import dev.plumbline.app.notify.Destination;
import dev.plumbline.sql.outbox.Notification.Channel;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One place notifications go: plumbline.notify.destinations.NAME.* (environment
 * PLUMBLINE_NOTIFY_DESTINATIONS_NAME_URL and so on). kind: alertmanager (its base URL; alerts are POSTed to
 * /api/v2/alerts), webhook (Alertmanager's v4 webhook payload), slack (an incoming-webhook URL), email (recipients,
 * sent through plumbline.smtp) or tracker (an issue tracker's create-issue URL). authorization: the Authorization
 * header's value, from a Secret through the environment; never logged.
 */
@EachProperty(DestinationProperties.PREFIX)
public record DestinationProperties(@Parameter String name,
                                    @Nullable String kind,
                                    @Nullable String url,
                                    @Nullable List<String> recipients,
                                    @Nullable String authorization) {

    public static final String PREFIX = "plumbline.notify.destinations";

    /** The destination, validated; a message begins with the full key of what is wrong. */
    public Destination toDestination() {
        String key = PREFIX + "." + name;
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException(key + ".kind: required, one of alertmanager, webhook, slack, email, tracker");
        }
        Channel channel;
        try {
            channel = Channel.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".kind: '" + kind
                    + "' is not one of alertmanager, webhook, slack, email, tracker");
        }
        List<String> to = recipients == null ? List.of() : recipients.stream().map(String::strip).toList();
        if (channel == Channel.EMAIL) {
            if (to.isEmpty()) {
                throw new IllegalArgumentException(key + ".recipients: an e-mail destination needs at least one address");
            }
            return new Destination(name, channel, null, to, null);
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(key + ".url: required for a " + kind + " destination");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".url: '" + url + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(key + ".url: '" + url + "' must be http or https");
        }
        return new Destination(name, channel, uri, List.of(), authorization);
    }

    @Override
    public String toString() {   // never the authorization
        return "DestinationProperties[" + name + " " + kind + " " + url + "]";
    }
}
