package dev.plumbline.app.fixes;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.fixes.FixEffects;
import dev.plumbline.sql.fixes.FixStore;
import dev.plumbline.sql.fixes.FixTracking;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.app.config.DestinationProperties;
import dev.plumbline.app.config.FixTrackerProperties;
import dev.plumbline.app.config.WebProperties;
import dev.plumbline.app.notify.Destination;
import dev.plumbline.app.notify.Destinations;
import dev.plumbline.sql.fixes.TrackerBody;
import dev.plumbline.sql.fixes.TrackerPost;
import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** The tracked fixes: their store, the reader of their effects, and tracking them (API and pages alike). */
@Factory
public class FixesFactory {

    @Singleton
    FixStore fixStore(ClickHouse clickHouse, Clock clock) {
        return new FixStore(clickHouse, clock);
    }

    @Singleton
    FixEffects fixEffects(ClickHouse clickHouse, PsrEngine engine) {
        return new FixEffects(clickHouse, engine);
    }

    @Singleton
    FixTracking fixTracking(FixStore store, FixEffects effects, ServiceCatalogStore catalog, CustomerStore customers,
                            AnnotationStore annotations, Clock clock, FixTrackerProperties tracker,
                            Destinations destinations, OutboxStore outbox, WebProperties web) {
        return new FixTracking(store, effects, catalog, customers, annotations, clock,
                trackerPost(tracker, destinations, outbox, web));
    }

    /** The tracker post configured, checked: a message begins with the key of what is wrong. */
    static Optional<TrackerPost> trackerPost(FixTrackerProperties p, Destinations destinations, OutboxStore outbox,
                                             WebProperties web) {
        String key = FixTrackerProperties.PREFIX;
        if (p.destination() == null || p.destination().isBlank()) {
            return Optional.empty();
        }
        String name = p.destination().strip();
        Destination destination = destinations.find(name).orElseThrow(() -> new IllegalArgumentException(key
                + ".destination: '" + name + "' is not configured (" + DestinationProperties.PREFIX + "." + name + ")"));
        if (destination.channel() != Notification.Channel.TRACKER) {
            throw new IllegalArgumentException(key + ".destination: '" + name + "' is of kind "
                    + destination.channel().name().toLowerCase(Locale.ROOT) + ", not tracker");
        }
        boolean custom = p.template() != null && !p.template().isBlank();
        String preset = p.preset() == null ? "" : p.preset().strip().toLowerCase(Locale.ROOT);
        String template = custom ? p.template() : switch (preset) {
            case "github" -> TrackerBody.GITHUB;
            case "jira" -> TrackerBody.JIRA;
            default -> throw new IllegalArgumentException(key + ".preset: '" + preset
                    + "' is not github or jira (or set " + key + ".template)");
        };
        if ((custom && template.contains("{{project}}") || !custom && preset.equals("jira"))
                && (p.project() == null || p.project().isBlank())) {
            throw new IllegalArgumentException(key + ".project: the Jira project key is required by the template");
        }
        return Optional.of(new TrackerPost(outbox, name, template, p.project(), web.externalUrl() + "/improvements"));
    }
}
