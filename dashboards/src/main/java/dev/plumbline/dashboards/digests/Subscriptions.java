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
     * A subscription of the caller's own to create.
     *
     * @param schedule blank: the kind's default
     */
    record Form(String kind, String schedule, String zone, String address, boolean enabled) {
    }

    /** The digest kinds (weekly-executive-summary, ...). */
    List<String> kinds();

    /** The kind's default schedule. */
    String defaultSchedule(String kind);

    /** The caller's own subscriptions, an administrator's all of them, oldest first. */
    List<Row> visibleTo(Identity who);

    /** Subscribes the caller; a bad value fails with an IllegalArgumentException whose message begins with its field. */
    Row subscribe(Identity who, Form form);

    /** Deletes one of the caller's own (an administrator's: any); false when there is none such. */
    boolean delete(Identity who, String id);

    /** The HTML the caller would get of {@code kind} if it ran now in {@code zone}. */
    String preview(Identity who, String kind, String zone);
}
