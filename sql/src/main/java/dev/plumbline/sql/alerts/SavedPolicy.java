package dev.plumbline.sql.alerts;

import java.time.Instant;

/**
 * One saved version of a service objective's alert policy.
 *
 * @param version 1 for the first save of this objective's policy, then 2, 3, ...
 * @param savedBy the user (or token's user) who saved it
 */
public record SavedPolicy(String service, String objective, int version, AlertPolicy policy, String savedBy,
                          Instant savedAt) {
}
