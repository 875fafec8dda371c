package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.Service;
import java.util.List;

/** A service catalog as read: services, objectives, and every problem found (complete only without problems). */
public record Catalog(List<Service> services, List<Objective> objectives, List<CatalogProblem> problems) {

    public Catalog {
        services = List.copyOf(services);
        objectives = List.copyOf(objectives);
        problems = List.copyOf(problems);
    }

    public boolean acceptable() {
        return problems.isEmpty();
    }
}
