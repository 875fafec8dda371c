package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.alerts.AlertPolicy;
import java.util.Objects;

/** The alert policy a catalog gives an objective (its SLO's {@code alertPolicies}). */
public record ObjectiveAlertPolicy(String service, String objective, AlertPolicy policy) {

    public ObjectiveAlertPolicy {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(policy, "policy");
    }
}
