package dev.plumbline.helm;

import dev.plumbline.helm.Chart.Manifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.plumbline.helm.Chart.at;
import static dev.plumbline.helm.Chart.list;
import static dev.plumbline.helm.Chart.map;
import static dev.plumbline.helm.Chart.mapAt;
import static org.assertj.core.api.Assertions.assertThat;

/** The Service and how it, the Deployment and the ServiceAccount refer to each other. */
@DisplayName("the Service")
class ServiceTest {

    private static Manifests render(Map<String, ?> sets) {
        return Chart.render("minimal.yaml", sets);
    }

    @Test
    @DisplayName("is a ClusterIP exposing port 80 as 'http' onto the container's http port 8080")
    void exposesHttp() {
        Manifests m = render(Map.of());
        Map<String, Object> service = m.single("Service");

        assertThat(at(service, "spec.type")).isEqualTo("ClusterIP");
        Map<String, Object> port = map(list(at(service, "spec.ports")).getFirst());
        assertThat(list(at(service, "spec.ports"))).hasSize(1);
        assertThat(port).containsEntry("name", "http").containsEntry("port", 80);
        Object target = port.get("targetPort");
        boolean reachesContainer = list(m.container().get("ports")).stream().map(Chart::map)
                .anyMatch(p -> p.get("containerPort").equals(8080)
                        && (target.equals(8080) || target.equals(p.get("name"))));
        assertThat(reachesContainer).as("targetPort %s resolves to container port 8080", target).isTrue();
    }

    @Test
    @DisplayName("follows service.type and service.port")
    void configurable() {
        Map<String, Object> service = render(Map.of("service.type", "NodePort", "service.port", 8081)).single("Service");

        assertThat(at(service, "spec.type")).isEqualTo("NodePort");
        assertThat(map(list(at(service, "spec.ports")).getFirst())).containsEntry("port", 8081);
    }

    @Test
    @DisplayName("selects exactly the Deployment's pods")
    void selectsThePods() {
        Manifests m = render(Map.of());
        Map<String, Object> selector = mapAt(m.single("Service"), "spec.selector");
        Map<String, Object> podLabels = mapAt(m.deployment(), "spec.template.metadata.labels");

        assertThat(selector).isNotEmpty().isEqualTo(mapAt(m.deployment(), "spec.selector.matchLabels"));
        assertThat(podLabels).containsAllEntriesOf(selector);
    }

    @Test
    @DisplayName("sits next to a ServiceAccount the pods run as")
    void serviceAccount() {
        Manifests m = render(Map.of());

        assertThat(at(m.podSpec(), "serviceAccountName")).isEqualTo(at(m.single("ServiceAccount"), "metadata.name"));
    }

    @Test
    @DisplayName("lets the pods use an existing ServiceAccount when serviceAccount.create is false")
    void existingServiceAccount() {
        Manifests m = render(Map.of("serviceAccount.create", false, "serviceAccount.name", "shared"));

        assertThat(m.ofKind("ServiceAccount")).isEmpty();
        assertThat(at(m.podSpec(), "serviceAccountName")).isEqualTo("shared");
    }
}
