package dev.plumbline.sql.triggers;

import java.time.Instant;

/**
 * Where one subject (a customer, or a service) of a trigger stands after an evaluation.
 *
 * @param breaching   the rule holds for it now
 * @param since       when the current breach began (or the last one, once recovered); null before any breach
 * @param notified    the current breach was sent as firing (false while a cooldown or only-once holds it back)
 * @param lastFiredAt when the last firing was sent, or null if none
 * @param firedCount  how many firings were sent
 * @param value       the figure at the evaluation
 */
public record SubjectState(String subject, boolean breaching, Instant since, boolean notified, Instant lastFiredAt,
                           int firedCount, double value) {

    /** A subject never seen breaching. */
    public static SubjectState fresh(String subject, double value) {
        return new SubjectState(subject, false, null, false, null, 0, value);
    }
}
