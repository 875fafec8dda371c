package dev.plumbline.helm;

import dev.plumbline.helm.Chart.Manifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.plumbline.helm.Chart.at;
import static dev.plumbline.helm.Chart.mapAt;
import static org.assertj.core.api.Assertions.assertThat;

/** Names and the Kubernetes recommended labels (app.kubernetes.io/*) on every rendered resource. */
@DisplayName("names and labels")
class LabelsTest {

    @Test
    @DisplayName("every resource and the pod template carry the recommended labels")
    void recommendedLabels() {
        Manifests m = Chart.render("minimal.yaml");
        Map<String, Object> chart = Chart.metadata();

        assertThat(m.kinds()).containsExactlyInAnyOrder("ServiceAccount", "Secret", "Service", "Deployment");
        for (Map<String, Object> resource : m.documents()) {
            assertRecommended(resource.get("kind") + " labels", mapAt(resource, "metadata.labels"), chart);
        }
        assertRecommended("pod template labels", mapAt(m.deployment(), "spec.template.metadata.labels"), chart);
    }

    @Test
    @DisplayName("names resources after the release, without repeating the chart name")
    void names() {
        Manifests same = Chart.render("minimal.yaml");
        Manifests other = Chart.Manifests.parse(Chart.helm().template().withName("metrics")
                .set("clickhouse.url", "http://clickhouse:8123").call());
        Manifests overridden = Chart.render("minimal.yaml", Map.of("fullnameOverride", "pl"));

        assertThat(at(same.deployment(), "metadata.name")).isEqualTo(Chart.RELEASE);
        assertThat(at(other.deployment(), "metadata.name")).isEqualTo("metrics-plumbline");
        assertThat(at(overridden.deployment(), "metadata.name")).isEqualTo("pl");
        assertThat(at(overridden.single("Secret"), "metadata.name")).isEqualTo("pl-clickhouse");
    }

    private static void assertRecommended(String what, Map<String, Object> labels, Map<String, Object> chart) {
        assertThat(labels).as(what)
                .containsEntry("app.kubernetes.io/name", chart.get("name"))
                .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                .containsEntry("app.kubernetes.io/version", String.valueOf(chart.get("appVersion")))
                .containsEntry("app.kubernetes.io/managed-by", "Helm")
                .containsEntry("helm.sh/chart", chart.get("name") + "-" + chart.get("version"));
        labels.values().forEach(v -> assertThat(String.valueOf(v)).as("%s value %s", what, v).hasSizeLessThanOrEqualTo(63));
    }
}
