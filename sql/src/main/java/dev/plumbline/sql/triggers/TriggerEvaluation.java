package dev.plumbline.sql.triggers;

import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One evaluation of the triggers at an instant: reads each enabled trigger's figure per subject, finds the crossings
 * ({@link Edges}), enqueues one notification per crossing in the outbox, then keeps the subjects' new states. The
 * outbox comes first: a crash between the two re-evaluates from the old states, and the same crossing (same trigger,
 * subject, status and start) has the same idempotency id, so the outbox keeps one. A breach that began at the
 * evaluation lost that way would be seen again with a later start, so before evaluating, the firings the trigger
 * enqueued since its states were last saved that those states do not record are taken into them
 * ({@link #recovered}): the breach keeps its start and is not sent again, and its recovery is sent as resolved.
 */
public final class TriggerEvaluation {

    /** Renders the message of a crossing for the trigger's destination. */
    @FunctionalInterface
    public interface Messenger {
        Notification notification(Trigger trigger, Crossing crossing, Reading reading);
    }

    /**
     * What one trigger's evaluation did: the crossings and the outbox ids enqueued for them, in order; or why it
     * failed ({@code error}, "" when it did not), leaving the trigger's states as they were.
     */
    public record Outcome(String triggerId, List<Crossing> crossings, List<String> notificationIds, String error) {
    }

    private final TriggerStore triggers;
    private final TriggerStateStore states;
    private final FigureReader figures;
    private final OutboxStore outbox;
    private final Messenger messenger;

    public TriggerEvaluation(TriggerStore triggers, TriggerStateStore states, FigureReader figures, OutboxStore outbox,
                             Messenger messenger) {
        this.triggers = triggers;
        this.states = states;
        this.figures = figures;
        this.outbox = outbox;
        this.messenger = messenger;
    }

    /** Evaluates every enabled trigger at {@code at}; one that fails does not stop the others. */
    public List<Outcome> evaluateAll(Instant at) {
        List<Outcome> out = new ArrayList<>();
        for (SavedTrigger saved : triggers.current()) {
            if (saved.trigger().enabled()) {
                try {
                    out.add(evaluate(saved.trigger(), at));
                } catch (RuntimeException e) {
                    out.add(new Outcome(saved.trigger().id(), List.of(), List.of(), String.valueOf(e.getMessage())));
                }
            }
        }
        return out;
    }

    /** At most this many notifications a trigger enqueued since its last save are read back (a crash's firings). */
    static final int RECOVERY_LIMIT = 100_000;

    /**
     * {@code saved} with the firings {@code triggerId} enqueued since its states were last saved and they do not
     * record: a crash came between the outbox and the save. Each such subject is breaching since the firing's start,
     * sent as firing at the time it was enqueued.
     */
    Map<String, SubjectState> recovered(String triggerId, Map<String, SubjectState> saved) {
        Instant since = states.lastSaved(triggerId).orElse(Instant.EPOCH);
        Map<String, SubjectState> out = new java.util.LinkedHashMap<>(saved);
        for (OutboxStore.Enqueued e : outbox.enqueuedBy(Notification.Origin.TRIGGER, triggerId, since, RECOVERY_LIMIT)) {
            Crossing.firing(triggerId, e.id()).ifPresent(f -> {
                SubjectState was = out.get(f.subject());
                boolean recorded = was != null && was.since() != null && (f.startsAt().isBefore(was.since())
                        || f.startsAt().equals(was.since()) && (was.notified() || !was.breaching()));
                if (!recorded) {
                    out.put(f.subject(), new SubjectState(f.subject(), true, f.startsAt(), true, e.createdAt(),
                            (was == null ? 0 : was.firedCount()) + 1, was == null ? Double.NaN : was.value()));
                }
            });
        }
        return out;
    }

    /** Evaluates {@code trigger} at {@code evaluatedAt} (in whole milliseconds, as the states keep instants). */
    public Outcome evaluate(Trigger trigger, Instant evaluatedAt) {
        Instant at = evaluatedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<String, Reading> readings = figures.read(trigger, at).stream()
                .collect(Collectors.toMap(Reading::subject, Function.identity(), (a, b) -> a));
        Map<String, SubjectState> saved = states.states(trigger.id());
        Map<String, SubjectState> before = recovered(trigger.id(), saved);
        Map<String, Double> values = readings.values().stream()
                .collect(Collectors.toMap(Reading::subject, Reading::value));
        Edges.Result result = Edges.evaluate(trigger, before, values, at);
        List<String> ids = new ArrayList<>();
        for (Crossing crossing : result.crossings()) {
            Notification n = messenger.notification(trigger, crossing, readings.get(crossing.subject()));
            ids.add(outbox.enqueue(n).id());
        }
        states.save(trigger.id(), saved, result.states(), at);   // a recovered firing is written too
        return new Outcome(trigger.id(), result.crossings(), List.copyOf(ids), "");
    }
}
