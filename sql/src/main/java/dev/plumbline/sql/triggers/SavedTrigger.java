package dev.plumbline.sql.triggers;

import java.time.Instant;

/**
 * One saved version of a trigger.
 *
 * @param version 1 for its first save, then 2, 3, ...
 * @param deleted this version deleted the trigger
 */
public record SavedTrigger(Trigger trigger, int version, String savedBy, Instant savedAt, boolean deleted) {
}
