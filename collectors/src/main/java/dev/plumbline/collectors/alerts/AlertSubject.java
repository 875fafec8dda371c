package dev.plumbline.collectors.alerts;

import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.Service;
import java.util.Objects;

/**
 * What exported alerts are about: a service of the catalog, one of its objectives, and where its Service page is
 * (the link every alert carries back to Plumbline).
 *
 * @param servicePage the absolute URL of the service's page, e.g. {@code https://plumbline.example.com/service?name=search}
 */
public record AlertSubject(Service service, Objective objective, String servicePage) {

    public AlertSubject {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(servicePage, "servicePage");
        if (!objective.service().equals(service.name())) {
            throw new IllegalArgumentException("objective " + objective.service() + "/" + objective.name()
                    + " does not belong to service " + service.name());
        }
    }

    /** The objective's allowed share of bad requests, 1 - target. */
    public double budget() {
        return objective.errorBudget();
    }
}
