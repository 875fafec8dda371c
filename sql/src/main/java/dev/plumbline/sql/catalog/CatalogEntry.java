package dev.plumbline.sql.catalog;

import java.util.List;

/** A service with its objectives, as the catalog page and API show it. */
public record CatalogEntry(Service service, List<Objective> objectives) {

    public CatalogEntry {
        objectives = List.copyOf(objectives);
    }
}
