package dev.plumbline.collectors.alerts.datadog;

import com.datadog.api.client.v1.model.Monitor;
import com.datadog.api.client.v1.model.MonitorOptions;
import com.datadog.api.client.v1.model.MonitorThresholds;
import com.datadog.api.client.v1.model.MonitorType;
import com.datadog.api.client.v1.model.SLOThreshold;
import com.datadog.api.client.v1.model.ServiceLevelObjectiveQuery;
import com.datadog.api.client.v1.model.ServiceLevelObjectiveRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Datadog export back through the official client's model classes (datadog-api-client, v1): the SLO as a
 * {@link ServiceLevelObjectiveRequest}, every monitor as a {@link Monitor}. A field the model does not know, a value of
 * the wrong type, an enum value it does not know (the client then marks the object unparsed), a missing required field,
 * or a critical threshold that differs from the query's, is refused naming its path.
 */
public final class DatadogReadBack {

    private static final Pattern LIMIT = Pattern.compile(" > ([0-9.]+)$");

    private DatadogReadBack() {
    }

    /** What was read. */
    public record Read(ServiceLevelObjectiveRequest slo, List<Monitor> monitors) {
    }

    public static Read read(String json) {
        var mapper = DatadogMonitors.mapper();
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("$: not JSON: " + e.getOriginalMessage());
        }
        ServiceLevelObjectiveRequest slo = as(mapper, root.path("slo"), ServiceLevelObjectiveRequest.class, "$.slo");
        if (slo.getType() == null || !slo.getType().isValid()) {
            throw new IllegalArgumentException("$.slo.type: not a Datadog SLO type: " + slo.getType());
        }
        parsed("$.slo", slo.unparsed, slo.getAdditionalProperties());
        ServiceLevelObjectiveQuery query = slo.getQuery();
        if (query == null) {
            throw new IllegalArgumentException("$.slo.query: missing (a metric SLO needs numerator and denominator)");
        }
        parsed("$.slo.query", query.unparsed, query.getAdditionalProperties());
        for (int i = 0; i < slo.getThresholds().size(); i++) {
            SLOThreshold t = slo.getThresholds().get(i);
            parsed("$.slo.thresholds[" + i + "]", t.unparsed || !t.getTimeframe().isValid(), t.getAdditionalProperties());
        }
        JsonNode list = root.path("monitors");
        if (!list.isArray()) {
            throw new IllegalArgumentException("$.monitors: must be a list of monitors");
        }
        List<Monitor> monitors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "$.monitors[" + i + "]";
            Monitor m = as(mapper, list.get(i), Monitor.class, where);
            if (m.getType() == null || !m.getType().isValid()) {
                throw new IllegalArgumentException(where + ".type: not a Datadog monitor type: " + m.getType());
            }
            if (m.getQuery() == null || m.getQuery().isBlank()) {
                throw new IllegalArgumentException(where + ".query: missing");
            }
            parsed(where, m.unparsed, m.getAdditionalProperties());
            if (!m.getType().equals(MonitorType.SLO_ALERT) && !m.getType().equals(MonitorType.METRIC_ALERT)) {
                throw new IllegalArgumentException(where + ".type: an export has slo alert and metric alert monitors, "
                        + "not " + m.getType());
            }
            MonitorOptions options = m.getOptions();
            if (options == null || options.getThresholds() == null || options.getThresholds().getCritical() == null) {
                throw new IllegalArgumentException(where + ".options.thresholds.critical: missing");
            }
            parsed(where + ".options", options.unparsed, options.getAdditionalProperties());
            MonitorThresholds thresholds = options.getThresholds();
            parsed(where + ".options.thresholds", thresholds.unparsed, thresholds.getAdditionalProperties());
            Matcher limit = LIMIT.matcher(m.getQuery());
            if (!limit.find() || Double.parseDouble(limit.group(1)) != thresholds.getCritical()) {
                throw new IllegalArgumentException(where + ".options.thresholds.critical: " + thresholds.getCritical()
                        + " is not the query's threshold (" + m.getQuery() + ")");
            }
            monitors.add(m);
        }
        return new Read(slo, monitors);
    }

    private static <T> T as(com.fasterxml.jackson.databind.ObjectMapper mapper, JsonNode node, Class<T> type,
                            String where) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException(where + ": missing");
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm
                    ? jm.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce("", String::concat) : "";
            throw new IllegalArgumentException(where + path + ": " + e.getOriginalMessage());
        }
    }

    private static void parsed(String where, boolean unparsed, Map<String, Object> unknown) {
        if (unknown != null && !unknown.isEmpty()) {
            throw new IllegalArgumentException(where + "." + unknown.keySet().iterator().next()
                    + ": not a field of Datadog's model");
        }
        if (unparsed) {
            throw new IllegalArgumentException(where + ": Datadog's model could not parse it (a value it does not know)");
        }
    }
}
