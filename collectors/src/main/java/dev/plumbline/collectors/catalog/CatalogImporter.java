package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.alerts.SavedPolicy;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final AlertPolicyStore policies;

    public CatalogImporter(ServiceCatalogStore store, AlertPolicyStore policies) {
        this.store = store;
        this.policies = policies;
    }

    /**
     * What an import did.
     *
     * @param alertPolicies the alert policies the catalog's SLOs give their objectives (OpenSLO AlertPolicy and
     *                      AlertCondition documents), read and checked
     * @param policiesSaved how many of them were saved as a new version of their objective's policy (the others
     *                      equal the policy already current)
     */
    public record Outcome(int services, int objectives, int servicesDeleted, int objectivesDeleted,
                          List<ObjectiveAlertPolicy> alertPolicies, int policiesSaved) {

        public Outcome {
            alertPolicies = List.copyOf(alertPolicies);
        }
    }

    /**
     * Imports {@code sources}; each alert policy they give an objective becomes its saved policy, kept as saved by
     * {@code importedBy}, unless it equals the current one (a folder read again adds no versions).
     */
    public Outcome importCatalog(List<OpenSloReader.Source> sources, boolean replaceAll, String importedBy) {
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
        int saved = 0;
        for (ObjectiveAlertPolicy p : catalog.alertPolicies()) {
            Optional<SavedPolicy> kept = policies.current(p.service(), p.objective());
            if (kept.isEmpty() || !kept.get().policy().equals(p.policy())) {
                policies.save(p.service(), p.objective(), p.policy(), importedBy);
                saved++;
            }
        }
        LOG.info("catalog import: {} services, {} objectives, {} alert policies saved; deleted {} services, {} objectives",
                catalog.services().size(), catalog.objectives().size(), saved, goneServices.size(), goneObjectives.size());
        return new Outcome(catalog.services().size(), catalog.objectives().size(), goneServices.size(),
                goneObjectives.size(), catalog.alertPolicies(), saved);
    }

    /** The catalog as OpenSLO v1 YAML, with each objective's current alert policy: it imports back the same. */
    public String export() {
        List<CatalogEntry> all = store.all();
        Map<String, AlertPolicy> current = new HashMap<>();
        for (CatalogEntry e : all) {
            policies.currentOf(e.service().name())
                    .forEach(p -> current.put(p.service() + "/" + p.objective(), p.policy()));
        }
        return OpenSloWriter.write(all, o -> Optional.ofNullable(current.get(o.service() + "/" + o.name())));
    }
}
