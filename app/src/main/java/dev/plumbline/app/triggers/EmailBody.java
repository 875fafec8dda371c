package dev.plumbline.app.triggers;

import java.util.Map;
import java.util.TreeMap;

/** The HTML of a trigger's e-mail: the summary, the description, the owner, the link, and the annotations as a table. */
public final class EmailBody {

    public static final String CONTENT_TYPE = "text/html; charset=UTF-8";

    private EmailBody() {
    }

    public static String render(AlertContent alert) {
        StringBuilder rows = new StringBuilder();
        Map<String, String> facts = new TreeMap<>(alert.annotations());
        facts.remove("summary");
        facts.remove("description");
        facts.forEach((k, v) -> rows.append("<tr><th>").append(html(k)).append("</th><td>").append(html(v))
                .append("</td></tr>"));
        return "<!DOCTYPE html><html><body>"
                + "<h1>" + html(alert.summary()) + "</h1>"
                + "<p>" + html(alert.description()) + "</p>"
                + "<p>Owner: <strong>" + html(alert.owner()) + "</strong></p>"
                + "<p><a href=\"" + html(alert.link()) + "\">Open in Plumbline</a></p>"
                + "<table>" + rows + "</table>"
                + "</body></html>";
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
