package dev.plumbline.dashboards.triggers;

import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.triggers.SavedTrigger;
import dev.plumbline.sql.triggers.SubjectState;
import dev.plumbline.sql.triggers.TriggerInput;
import java.util.List;
import java.util.Optional;

/**
 * The triggers as the Triggers page needs them, checked as the API checks them. Implemented by the application.
 */
public interface Triggers {

    /** Every trigger, by id. */
    List<SavedTrigger> all();

    Optional<SavedTrigger> find(String id);

    /**
     * Saves {@code input} as trigger {@code id} (null: a new one); refused with
     * {@link dev.plumbline.sql.triggers.TriggerRefused} naming the field, as the API refuses it.
     */
    SavedTrigger save(TriggerInput input, String id, Identity by);

    void delete(String id, Identity by);

    /** The subjects' states of trigger {@code id}. */
    List<SubjectState> state(String id);

    /** Enqueues a test message to the trigger's destination; returns its outbox id. */
    String sendTest(String id, Identity by);

    /** The names of the configured destinations a trigger may name. */
    List<String> destinations();
}
