package dev.plumbline.sql.fixes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of an issue-tracker post for a tracked fix: a JSON template with {@code {{placeholders}}}, each replaced by
 * the fix's value escaped as the inside of a JSON string (so the template puts the quotes, and no value can break out
 * of its string). Presets give GitHub's "create an issue" body ({@code POST /repos/{owner}/{repo}/issues}: title,
 * body, labels) and Jira's "create issue" body ({@code POST /rest/api/2/issue}: fields.project.key, summary,
 * description, issuetype.name). Rendering only: a post goes through the outbox like every notification.
 */
public final class TrackerBody {

    /** GitHub's create-an-issue body. */
    public static final String GITHUB = """
            {"title": "{{title}}", "body": "{{description}}", "labels": ["plumbline", "{{service}}"]}""";
    /** Jira's create-issue body (REST API v2: description as plain text); {{project}} is the project key. */
    public static final String JIRA = """
            {"fields": {"project": {"key": "{{project}}"}, "summary": "{{title}}", "description": "{{description}}", \
            "issuetype": {"name": "Task"}}}""";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private TrackerBody() {
    }

    /** The values a template can use, for {@code fix} seen at {@code link} (its page) and a Jira {@code project} key. */
    public static Map<String, String> values(TrackedFix fix, String link, String project) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", fix.title().isEmpty() ? "Fix " + fix.service() + " " + fix.problem() : fix.title());
        v.put("service", fix.service());
        v.put("problem", fix.problem());
        v.put("customers", String.join(", ", fix.customers()));
        v.put("owner", fix.owner());
        v.put("target_date", fix.targetDate().toString());
        v.put("hypothesis", fix.hypothesis().toString());
        v.put("link", link);
        v.put("project", project);
        v.put("description", String.format(Locale.ROOT, "%s %s for %s.%nOwner: %s, target %s.%nHypothesis: %s.%n%s",
                fix.service(), fix.problem(), v.get("customers"), fix.owner(), fix.targetDate(), fix.hypothesis(),
                link));
        return v;
    }

    /** {@code template} with every placeholder replaced; an unknown placeholder is an error naming it. */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template: unknown placeholder {{" + m.group(1) + "}}; known: "
                        + String.join(", ", values.keySet()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code s} as the inside of a JSON string (RFC 8259 section 7). */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
