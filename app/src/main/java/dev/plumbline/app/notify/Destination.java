package dev.plumbline.app.notify;

import dev.plumbline.sql.outbox.Notification.Channel;
import java.net.URI;
import java.util.List;

/**
 * A configured place notifications go (plumbline.notify.destinations.NAME).
 *
 * @param name          its name, as triggers and subscriptions refer to it
 * @param channel       how messages go out
 * @param url           where they are POSTed (null for e-mail)
 * @param recipients    the addresses of an e-mail destination (empty otherwise)
 * @param authorization the Authorization header's value, or null; never logged
 */
public record Destination(String name, Channel channel, URI url, List<String> recipients, String authorization) {

    public Destination {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String toString() {   // never the authorization
        return "Destination[" + name + " " + channel + " " + (url == null ? recipients : url) + "]";
    }
}
