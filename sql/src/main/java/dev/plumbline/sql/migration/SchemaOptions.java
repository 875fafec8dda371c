package dev.plumbline.sql.migration;

import dev.plumbline.sql.ConnectionSpec;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between deployments, filled into the migrations' placeholders so that one file serves a single node
 * and a cluster:
 * <ul>
 *   <li>{@code {{ON_CLUSTER}}}: empty, or {@code ON CLUSTER name};</li>
 *   <li>{@code {{REPLICATED}}}: empty, or {@code Replicated}, written before an engine name
 *       ({@code {{REPLICATED}}MergeTree}); replicated tables use the server's default replica path;</li>
 *   <li>{@code {{RAW_TTL_DAYS}}}: how long raw one-minute telemetry is kept;</li>
 *   <li>{@code {{SERVICE_MINUTE_TTL_DAYS}}}: how long the per-service minutes (all customers summed, what alert
 *   backtests replay) are kept.</li>
 * </ul>
 *
 * @param cluster              the ClickHouse cluster name, or empty for a single node
 * @param rawTtlDays           days of raw one-minute telemetry to keep (at least 1)
 * @param serviceMinuteTtlDays days of per-service minutes to keep (at least 1)
 */
public record SchemaOptions(String cluster, int rawTtlDays, int serviceMinuteTtlDays) {

    /** How long per-service minutes are kept unless configured: a year and a month, so last year's same month is there. */
    public static final int DEFAULT_SERVICE_MINUTE_TTL_DAYS = 400;
    public static final SchemaOptions SINGLE_NODE = new SchemaOptions("", 35);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

    public SchemaOptions {
        cluster = cluster == null ? "" : cluster.strip();
        if (!cluster.isEmpty()) {
            ConnectionSpec.requireIdentifier("cluster", cluster);
        }
        if (rawTtlDays < 1) {
            throw new IllegalArgumentException("raw telemetry TTL must be at least 1 day, was " + rawTtlDays);
        }
        if (serviceMinuteTtlDays < 1) {
            throw new IllegalArgumentException("per-service minutes TTL must be at least 1 day, was " + serviceMinuteTtlDays);
        }
    }

    /** Per-service minutes kept {@value #DEFAULT_SERVICE_MINUTE_TTL_DAYS} days. */
    public SchemaOptions(String cluster, int rawTtlDays) {
        this(cluster, rawTtlDays, DEFAULT_SERVICE_MINUTE_TTL_DAYS);
    }

    public boolean clustered() {
        return !cluster.isEmpty();
    }

    public String onCluster() {
        return clustered() ? "ON CLUSTER " + cluster : "";
    }

    /** Fills every placeholder in {@code text}; an unknown placeholder is an error naming {@code file}. */
    public String render(String file, String text) {
        Map<String, String> values = Map.of(
                "ON_CLUSTER", onCluster(),
                "REPLICATED", clustered() ? "Replicated" : "",
                "RAW_TTL_DAYS", Integer.toString(rawTtlDays),
                "SERVICE_MINUTE_TTL_DAYS", Integer.toString(serviceMinuteTtlDays));
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file + ": unknown placeholder {{" + m.group(1)
                        + "}}; known: " + String.join(", ", values.keySet().stream().sorted().toList()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            throw new IllegalArgumentException(file + ": malformed placeholder near '"
                    + out.substring(out.indexOf("{{"), Math.min(out.length(), out.indexOf("{{") + 30)) + "'");
        }
        return out.toString();
    }
}
