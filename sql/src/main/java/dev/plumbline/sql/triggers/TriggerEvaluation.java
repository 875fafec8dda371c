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
 * subject, status and start) has the same idempotency id, so the outbox keeps one. Only a breach that began at an
 * evaluation lost that way is seen again with a later start (and sent under that one).
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

    /** Evaluates {@code trigger} at {@code evaluatedAt} (in whole milliseconds, as the states keep instants). */
    public Outcome evaluate(Trigger trigger, Instant evaluatedAt) {
        Instant at = evaluatedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<String, Reading> readings = figures.read(trigger, at).stream()
                .collect(Collectors.toMap(Reading::subject, Function.identity(), (a, b) -> a));
        Map<String, SubjectState> before = states.states(trigger.id());
        Map<String, Double> values = readings.values().stream()
                .collect(Collectors.toMap(Reading::subject, Reading::value));
        Edges.Result result = Edges.evaluate(trigger, before, values, at);
        List<String> ids = new ArrayList<>();
        for (Crossing crossing : result.crossings()) {
            Notification n = messenger.notification(trigger, crossing, readings.get(crossing.subject()));
            ids.add(outbox.enqueue(n).id());
        }
        states.save(trigger.id(), before, result.states(), at);
        return new Outcome(trigger.id(), result.crossings(), List.copyOf(ids), "");
    }
}
