package dev.plumbline.app.api;

import dev.plumbline.sql.triggers.SubjectState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Where one subject of a trigger stands.
 *
 * @param subject     the customer id, or the service for a service figure
 * @param firing      it breaches and was sent firing (a resolved message follows when it recovers)
 * @param breaching   the rule holds for it (also while a cooldown or only-once holds the firing back)
 * @param since       when the current (or last) breach began
 * @param lastFiredAt when the last firing was sent
 * @param firedCount  how many firings were sent
 * @param value       the figure at the last evaluation that changed its state (absent: money the caller may not see)
 */
@Serdeable
public record TriggerStateJson(String subject, boolean firing, boolean breaching, @Nullable Instant since,
                               @Nullable Instant lastFiredAt, int firedCount, @Nullable Double value) {

    static TriggerStateJson of(SubjectState s, boolean money) {
        return new TriggerStateJson(s.subject(), s.breaching() && s.notified(), s.breaching(), s.since(),
                s.lastFiredAt(), s.firedCount(), money ? s.value() : null);
    }
}
