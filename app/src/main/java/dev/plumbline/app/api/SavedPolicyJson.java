package dev.plumbline.app.api;

import dev.plumbline.sql.alerts.SavedPolicy;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A saved version of a service objective's alert policy.
 *
 * @param version 1 for the objective's first saved policy, then 2, 3, ...
 * @param savedBy who saved it
 * @param savedAt when
 */
@Serdeable
public record SavedPolicyJson(String service, String objective, int version, String savedBy, Instant savedAt,
                              AlertPolicyJson policy) {

    static SavedPolicyJson of(SavedPolicy p) {
        return new SavedPolicyJson(p.service(), p.objective(), p.version(), p.savedBy(), p.savedAt(),
                AlertPolicyJson.of(p.policy()));
    }
}
