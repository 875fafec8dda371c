package dev.plumbline.sql.triggers;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A trigger's own Alertmanager labels: what Alertmanager's routing, grouping and silences match on besides the
 * labels every message has. Pure. The rules: at most {@link #MAX} labels; a name as Prometheus allows one
 * ({@code [a-zA-Z_][a-zA-Z0-9_]*}, not beginning with "__", which Prometheus reserves) and not one Plumbline sets
 * itself ({@link #RESERVED}; "test" marks a send-test message); a value of 1 to 200 characters. {@code severity} may be given; it is
 * {@link #DEFAULT_SEVERITY} otherwise.
 */
public final class TriggerLabels {

    public static final int MAX = 10;
    public static final String DEFAULT_SEVERITY = "warning";
    /** The labels every trigger message has from the trigger itself. */
    public static final Set<String> RESERVED = Set.of("alertname", "trigger", "customer", "service", "owner", "test");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private TriggerLabels() {
    }

    /** {@code given} checked, sorted by name; refused naming {@code labels} (or {@code labels.NAME}). */
    public static SortedMap<String, String> check(Map<String, String> given) {
        SortedMap<String, String> out = new TreeMap<>();
        if (given == null) {
            return out;
        }
        if (given.size() > MAX) {
            throw new TriggerRefused("labels", "at most " + MAX + ", were " + given.size());
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey() == null ? "" : e.getKey();
            if (!NAME.matcher(name).matches() || name.startsWith("__")) {
                throw new TriggerRefused("labels", "'" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                        + "' is not a label name (letters, digits and '_', not beginning with a digit or '__')");
            }
            if (RESERVED.contains(name)) {
                throw new TriggerRefused("labels." + name, "Plumbline sets it on every message; reserved: "
                        + String.join(", ", RESERVED.stream().sorted().toList()));
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty() || value.length() > 200) {
                throw new TriggerRefused("labels." + name, "a value of 1 to 200 characters, was " + value.length());
            }
            out.put(name, value);
        }
        return out;
    }

    /** The labels of a message of {@code trigger} that come from it: its own, and severity (given or the default). */
    public static SortedMap<String, String> ofMessage(Trigger trigger) {
        SortedMap<String, String> out = new TreeMap<>(trigger.labels());
        out.putIfAbsent("severity", DEFAULT_SEVERITY);
        return out;
    }
}
