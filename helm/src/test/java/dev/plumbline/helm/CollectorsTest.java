package dev.plumbline.helm;

import static dev.plumbline.helm.Chart.at;
import static dev.plumbline.helm.Chart.list;
import static dev.plumbline.helm.Chart.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.helm.Chart.Manifests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Telemetry sources: a ConfigMap the app reads as configuration, credentials only from Secrets, and the spool. */
@DisplayName("the collectors")
class CollectorsTest {

    private static Manifests render(Map<String, ?> sets) {
        Map<String, Object> all = new LinkedHashMap<>(sets);
        all.putIfAbsent("clickhouse.url", "http://clickhouse:8123");
        return Chart.render(null, all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sources(Manifests m) {
        String file = (String) map(m.single("ConfigMap").get("data")).get("collectors.yml");
        return map(at((Map<String, Object>) Chart.yaml().load(file), "plumbline.collectors"));
    }

    @Test
    @DisplayName("without sources: no ConfigMap, but the spool and its settings are there")
    void none() {
        Manifests m = render(Map.of());
        assertThat(m.ofKind("ConfigMap")).isEmpty();
        assertThat(m.env()).containsKeys("PLUMBLINE_COLLECTORS_SPOOL_FOLDER", "PLUMBLINE_COLLECTORS_INTERVAL")
                .doesNotContainKey("MICRONAUT_CONFIG_FILES");
        assertThat(m.env().get("PLUMBLINE_COLLECTORS_SPOOL_MAX_BYTES").get("value")).isEqualTo("1073741824");
        List<Object> volumes = list(m.podSpec().get("volumes"));
        assertThat(volumes).anySatisfy(v -> assertThat(map(v)).containsEntry("name", "spool").containsKey("emptyDir"));
    }

    @Test
    @DisplayName("renders Prometheus and Datadog sources with credentials as env placeholders from Secrets")
    void sources() {
        Manifests m = render(Map.of(
                "collectors.prometheus.main.url", "http://prometheus:9090",
                "collectors.prometheus.main.preset", "opentelemetry",
                "collectors.prometheus.main.customerLabel", "tenant",
                "collectors.prometheus.main.auth", "bearer",
                "collectors.prometheus.main.existingSecret", "prom-token",
                "collectors.datadog.us1.existingSecret", "dd-keys",
                "collectors.datadog.us1.filter", "env:prod",
                "collectors.spool.existingClaim", "plumbline-spool"));

        Map<String, Object> collectors = sources(m);
        assertThat(map(at(collectors, "prometheus.main"))).containsEntry("url", "http://prometheus:9090")
                .containsEntry("preset", "opentelemetry").containsEntry("customer-label", "tenant")
                .containsEntry("bearer-token", "${PLUMBLINE_SOURCE_PROMETHEUS_MAIN_BEARER_TOKEN}");
        assertThat(map(at(collectors, "datadog.us1"))).containsEntry("url", "https://api.datadoghq.com")
                .containsEntry("filter", "env:prod")
                .containsEntry("api-key", "${PLUMBLINE_SOURCE_DATADOG_US1_API_KEY}")
                .containsEntry("app-key", "${PLUMBLINE_SOURCE_DATADOG_US1_APP_KEY}");
        assertThat(at(m.env().get("PLUMBLINE_SOURCE_PROMETHEUS_MAIN_BEARER_TOKEN"), "valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "prom-token", "key", "bearerToken"));
        assertThat(at(m.env().get("PLUMBLINE_SOURCE_DATADOG_US1_APP_KEY"), "valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "dd-keys", "key", "appKey"));
        assertThat(m.env().get("MICRONAUT_CONFIG_FILES").get("value")).isEqualTo("/etc/plumbline/collectors.yml");
        assertThat(list(m.podSpec().get("volumes"))).anySatisfy(v -> assertThat(map(v)).containsEntry("name", "spool")
                .containsEntry("persistentVolumeClaim", Map.of("claimName", "plumbline-spool")));
        assertThat(m.text()).doesNotContain("bearerToken:");
        assertThat(at(m.deployment(), "spec.template.metadata.annotations")).asString().contains("checksum/collectors");
    }

    @Test
    @DisplayName("refuses a source without its required parts, naming the value")
    void refusals() {
        assertThatThrownBy(() -> render(Map.of("collectors.prometheus.main.preset", "micrometer")))
                .hasMessageContaining("collectors.prometheus.main.url is required");
        assertThatThrownBy(() -> render(Map.of("collectors.datadog.us1.filter", "*")))
                .hasMessageContaining("collectors.datadog.us1.existingSecret is required (keys apiKey and appKey)");
        assertThatThrownBy(() -> render(Map.of("collectors.prometheus.main.url", "http://p:9090",
                "collectors.prometheus.main.auth", "digest"))).hasMessageContaining("collectors.prometheus.main.auth: basic, bearer or none");
        assertThatThrownBy(() -> render(Map.of("collectors.prometheus.Main.url", "http://p:9090")))
                .hasMessageContaining("collectors.prometheus.Main: a source name is 1-63 lower-case letters, digits or -");
    }

    @Test
    @DisplayName("renders the remote-write receiver when enabled, with its names and replica labels")
    void remoteWrite() {
        Manifests m = render(Map.of("collectors.remoteWrite.enabled", "true", "collectors.remoteWrite.source", "pushed",
                "collectors.remoteWrite.customerLabel", "tenant", "collectors.remoteWrite.flush", "30s"));

        assertThat(map(at(sources(m), "remote-write"))).containsEntry("enabled", true).containsEntry("source", "pushed")
                .containsEntry("preset", "plumbline").containsEntry("customer-label", "tenant")
                .containsEntry("flush", "30s")
                .containsEntry("replica-labels", List.of("__replica__", "prometheus_replica"));
        assertThat(render(Map.of()).ofKind("ConfigMap")).isEmpty();   // off by default: nothing rendered
        assertThatThrownBy(() -> render(Map.of("collectors.remoteWrite.enabled", "true",
                "collectors.remoteWrite.source", "Pushed!")))
                .hasMessageContaining("collectors.remoteWrite.source: a source name is 1-63 lower-case letters");
    }

    @Test
    @DisplayName("renders a spans source, its credentials from a Secret, and mounts the configuration")
    void spans() {
        Manifests m = render(Map.of("collectors.spans.traces.schema", "signoz",
                "collectors.spans.traces.url", "http://clickhouse-otel:8123",
                "collectors.spans.traces.database", "signoz_traces",
                "collectors.spans.traces.customerAttribute", "tenant.id",
                "collectors.spans.traces.customerFrom", "resource",
                "collectors.spans.traces.lateness", "15m",
                "collectors.spans.traces.latencyBuckets", "0.1,0.5,2",
                "collectors.spans.traces.existingSecret", "otel-reader"));

        assertThat(map(at(sources(m), "spans.traces"))).containsEntry("schema", "signoz")
                .containsEntry("url", "http://clickhouse-otel:8123").containsEntry("database", "signoz_traces")
                .containsEntry("customer-attribute", "tenant.id").containsEntry("customer-from", "resource")
                .containsEntry("lateness", "15m").containsEntry("latency-buckets", "0.1,0.5,2")
                .containsEntry("username", "${PLUMBLINE_SOURCE_SPANS_TRACES_USERNAME}")
                .containsEntry("password", "${PLUMBLINE_SOURCE_SPANS_TRACES_PASSWORD}");
        assertThat(at(m.env().get("PLUMBLINE_SOURCE_SPANS_TRACES_PASSWORD"), "valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "otel-reader", "key", "password"));
        assertThat(m.env().get("MICRONAUT_CONFIG_FILES").get("value")).isEqualTo("/etc/plumbline/collectors.yml");
        assertThat(list(m.podSpec().get("volumes"))).anySatisfy(v -> assertThat(map(v)).containsEntry("name", "collectors"));

        Manifests own = render(Map.of("collectors.spans.traces.database", "otel"));
        assertThat(map(at(sources(own), "spans.traces"))).containsEntry("schema", "otel").doesNotContainKeys("url", "password");
        assertThatThrownBy(() -> render(Map.of("collectors.spans.traces.existingSecret", "otel-reader")))
                .hasMessageContaining("collectors.spans.traces.existingSecret needs url");
        assertThatThrownBy(() -> render(Map.of("collectors.spans.Traces.database", "otel")))
                .hasMessageContaining("collectors.spans.Traces: a source name is 1-63 lower-case letters, digits or -");
    }

    @Test
    @DisplayName("mounts the configuration when remote write is the only source")
    void remoteWriteAloneIsMounted() {
        Manifests m = render(Map.of("collectors.remoteWrite.enabled", "true"));
        assertThat(m.env().get("MICRONAUT_CONFIG_FILES").get("value")).isEqualTo("/etc/plumbline/collectors.yml");
        assertThat(list(m.podSpec().get("volumes"))).anySatisfy(v -> assertThat(map(v)).containsEntry("name", "collectors"));
    }
}
