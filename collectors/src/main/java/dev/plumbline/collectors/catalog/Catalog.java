package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.Service;
import java.util.List;

/**
 * A service catalog as read: services, objectives, the alert policies its SLOs give objectives, and every problem
 * found (complete only without problems).
 */
public record Catalog(List<Service> services, List<Objective> objectives, List<ObjectiveAlertPolicy> alertPolicies,
                      List<CatalogProblem> problems) {

    public Catalog {
        services = List.copyOf(services);
        objectives = List.copyOf(objectives);
        alertPolicies = List.copyOf(alertPolicies);
        problems = List.copyOf(problems);
    }

    public boolean acceptable() {
        return problems.isEmpty();
    }
}
