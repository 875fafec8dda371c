package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an OpenSLO catalog to the store, all or nothing: with any problem in any file, nothing is written. The
 * services in the input are replaced with their objectives (an objective no longer listed for such a service is
 * deleted); with {@code replaceAll}, services not in the input are deleted too (the catalog folder works this way).
 */
public final class CatalogImporter {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImporter.class);

    private final ServiceCatalogStore store;

    public CatalogImporter(ServiceCatalogStore store) {
        this.store = store;
    }

    /**
     * What an import did.
     *
     * @param alertPolicies the alert policies the catalog's SLOs give their objectives (OpenSLO AlertPolicy and
     *                      AlertCondition documents), read and checked; not stored yet (see {@link #importCatalog})
     */
    public record Outcome(int services, int objectives, int servicesDeleted, int objectivesDeleted,
                          List<ObjectiveAlertPolicy> alertPolicies) {

        public Outcome {
            alertPolicies = List.copyOf(alertPolicies);
        }
    }

    public Outcome importCatalog(List<OpenSloReader.Source> sources, boolean replaceAll) {
        Catalog catalog = OpenSloReader.read(sources);
        if (!catalog.acceptable()) {
            throw new CatalogRejected(catalog.problems());
        }
        if (catalog.services().isEmpty()) {
            throw new CatalogRejected(List.of(new CatalogProblem(
                    sources.isEmpty() ? "(no files)" : sources.getFirst().file(), "", "no kind: Service document")));
        }
        Set<String> services = catalog.services().stream().map(Service::name).collect(Collectors.toSet());
        Set<String> objectives = catalog.objectives().stream().map(o -> o.service() + "/" + o.name()).collect(Collectors.toSet());
        List<CatalogEntry> current = store.all();
        List<Service> goneServices = replaceAll
                ? current.stream().map(CatalogEntry::service).filter(s -> !services.contains(s.name())).toList()
                : List.of();
        List<Objective> goneObjectives = current.stream().flatMap(e -> e.objectives().stream())
                .filter(o -> (replaceAll || services.contains(o.service()))
                        && !objectives.contains(o.service() + "/" + o.name()))
                .toList();
        store.upsert(catalog.services(), catalog.objectives());
        store.remove(goneServices, goneObjectives);
        // Hook for the saved alert policies (issue 13): each of catalog.alertPolicies() becomes its objective's saved
        // policy here, in the same all-or-nothing import, once the saved-policy store exists.
        LOG.info("catalog import: {} services, {} objectives; deleted {} services, {} objectives",
                catalog.services().size(), catalog.objectives().size(), goneServices.size(), goneObjectives.size());
        return new Outcome(catalog.services().size(), catalog.objectives().size(), goneServices.size(),
                goneObjectives.size(), catalog.alertPolicies());
    }

    /** The catalog as OpenSLO v1 YAML. */
    public String export() {
        return OpenSloWriter.write(store.all());
    }
}
