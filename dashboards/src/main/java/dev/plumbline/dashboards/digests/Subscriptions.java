package dev.plumbline.dashboards.digests;

import dev.plumbline.sql.auth.Identity;
import java.time.Instant;
import java.util.List;

/** Digest subscriptions as the Subscriptions page needs them (the same rules as /api/v1/subscriptions). Implemented by the application. */
public interface Subscriptions {

    /**
     * A subscription as listed.
     *
     * @param recipients whom it goes to, in words (a user and their address, a role, a list)
     * @param lastRun    the last scheduled run enqueued, or null
     */
    record Row(String id, String kind, String schedule, String zone, String recipients, boolean enabled,
               Instant lastRun) {
    }

    /**
     * A subscription to create: the caller's own, or (administrators) a role's or an address list's.
     *
     * @param schedule  blank: the kind's default
     * @param audience  user (the caller themselves), role or list
     * @param role      for a role: which role's view of the figures
     * @param addresses the caller's address (user); e-mail addresses, one per line or separated by commas (role);
     *                  one "address=role" per line (list)
     */
    record Form(String kind, String schedule, String zone, String audience, String role, String addresses,
                boolean enabled) {
    }

    /** The digest kinds (weekly-executive-summary, ...). */
    List<String> kinds();

    /** The kind's default schedule. */
    String defaultSchedule(String kind);

    /** The roles an administrator may subscribe, or name for an address of a list. */
    List<String> roles();

    /** The caller's own subscriptions, an administrator's all of them, oldest first. */
    List<Row> visibleTo(Identity who);

    /**
     * Subscribes the caller, or a role or list (administrators only); a bad value, or one the caller may not give,
     * fails with an IllegalArgumentException whose message begins with its field.
     */
    Row subscribe(Identity who, Form form);

    /** Deletes one of the caller's own (an administrator's: any); false when there is none such. */
    boolean delete(Identity who, String id);

    /**
     * The HTML the form's recipients would get of its kind if it ran now in its zone: the caller's own view, or the
     * role's, or the list's least privileged role's. Fails as {@link #subscribe} does.
     */
    String preview(Identity who, Form form);
}
