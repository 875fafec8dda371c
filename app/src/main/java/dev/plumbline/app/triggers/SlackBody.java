package dev.plumbline.app.triggers;

/**
 * A Slack incoming-webhook message: {@code text} (the notification's fallback) and {@code blocks}: a section with the
 * summary and description in mrkdwn, and a context naming the owner with the link to the page.
 */
public final class SlackBody {

    public static final String CONTENT_TYPE = "application/json";

    private SlackBody() {
    }

    public static String render(AlertContent alert) {
        String icon = alert.status() == dev.plumbline.sql.triggers.Crossing.Status.FIRING ? ":red_circle:" : ":white_check_mark:";
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("text", alert.summary() + " (owner: " + alert.owner() + ")");
            g.writeArrayFieldStart("blocks");
            g.writeStartObject();
            g.writeStringField("type", "section");
            g.writeObjectFieldStart("text");
            g.writeStringField("type", "mrkdwn");
            g.writeStringField("text", icon + " *" + escape(alert.summary()) + "*\n" + escape(alert.description()));
            g.writeEndObject();
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("type", "context");
            g.writeArrayFieldStart("elements");
            g.writeStartObject();
            g.writeStringField("type", "mrkdwn");
            g.writeStringField("text", "Owner: *" + escape(alert.owner()) + "* · <" + alert.link() + "|Open in Plumbline>");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Slack's three control characters in mrkdwn text. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
