package dev.plumbline.sql.fixes;

import dev.plumbline.sql.outbox.Notification;
import dev.plumbline.sql.outbox.OutboxEntry;
import dev.plumbline.sql.outbox.OutboxStore;
import java.util.List;
import java.util.Objects;

/**
 * Posting a newly tracked fix to an issue tracker: the {@link TrackerBody} template rendered for the fix, recorded in
 * the outbox for the tracker destination (the delivery worker POSTs it). Its id is {@code fix:<id>:tracker}, so a fix
 * is posted once.
 *
 * @param outbox      where it is recorded
 * @param destination the configured destination (kind tracker) it goes to
 * @param template    the body's JSON template (a preset or the configured one)
 * @param project     the Jira project key ({{project}}), or ""
 * @param pageUrl     the Improvements page's absolute URL, the link in the issue
 */
public record TrackerPost(OutboxStore outbox, String destination, String template, String project, String pageUrl) {

    public TrackerPost {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(template, "template");
        project = Objects.requireNonNullElse(project, "");
        Objects.requireNonNull(pageUrl, "pageUrl");
    }

    /** The notification that posts {@code fix}. */
    public Notification notification(TrackedFix fix, String by) {
        String body = TrackerBody.render(template, TrackerBody.values(fix, pageUrl, project));
        return new Notification("fix:" + fix.id() + ":tracker", Notification.Channel.TRACKER, destination, List.of(),
                "Fix " + fix.service() + " " + fix.problem() + " (owner " + fix.owner() + ")", body,
                "application/json", List.of(), "fix tracked by " + by + ", posted to the issue tracker",
                Notification.Origin.FIX, fix.id().toString());
    }

    /** Records the post of {@code fix} in the outbox. */
    public OutboxEntry post(TrackedFix fix, String by) {
        return outbox.enqueue(notification(fix, by));
    }
}
