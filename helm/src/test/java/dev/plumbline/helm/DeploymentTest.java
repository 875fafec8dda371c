package dev.plumbline.helm;

import dev.plumbline.helm.Chart.Manifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.plumbline.helm.Chart.at;
import static dev.plumbline.helm.Chart.list;
import static dev.plumbline.helm.Chart.map;
import static dev.plumbline.helm.Chart.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Structural checks on the rendered Deployment (parsed YAML, not text). */
@DisplayName("the Deployment")
class DeploymentTest {

    private static final String URL = "http://clickhouse.example.internal:8123";

    private static Manifests render(Map<String, ?> sets) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(sets);
        all.putIfAbsent("clickhouse.url", URL);
        return Chart.render(null, all);
    }

    private static Object value(Manifests manifests, String envName) {
        Map<String, Object> var = manifests.env().get(envName);
        assertThat(var).as("env var %s", envName).isNotNull();
        return var.get("value");
    }

    @Nested
    @DisplayName("environment")
    class Environment {

        @Test
        @DisplayName("configures ClickHouse, demo seed and JVM options with the documented defaults")
        void defaults() {
            Manifests m = render(Map.of());

            assertThat(m.env()).containsKeys(
                    "PLUMBLINE_CLICKHOUSE_URL", "PLUMBLINE_CLICKHOUSE_DATABASE", "PLUMBLINE_CLICKHOUSE_USER",
                    "PLUMBLINE_CLICKHOUSE_PASSWORD", "PLUMBLINE_CLICKHOUSE_CLUSTER", "PLUMBLINE_DEMO_SEED",
                    "JAVA_TOOL_OPTIONS");
            assertThat(value(m, "PLUMBLINE_CLICKHOUSE_URL")).isEqualTo(URL);
            assertThat(value(m, "PLUMBLINE_CLICKHOUSE_DATABASE")).isEqualTo("plumbline");
            assertThat(value(m, "PLUMBLINE_CLICKHOUSE_USER")).isEqualTo("default");
            assertThat(value(m, "PLUMBLINE_CLICKHOUSE_CLUSTER")).isEqualTo("");
            assertThat(value(m, "PLUMBLINE_DEMO_SEED")).isEqualTo("false");
            assertThat(value(m, "JAVA_TOOL_OPTIONS")).isEqualTo("-XX:MaxRAMPercentage=75");
        }

        @Test
        @DisplayName("passes every value through as a string")
        void overrides() {
            Manifests m = render(Map.of(
                    "clickhouse.database", "metrics",
                    "clickhouse.user", "plumbline",
                    "clickhouse.cluster", "prod_cluster",
                    "demoSeed", true,
                    "javaToolOptions", "-XX:MaxRAMPercentage=60 -Xss512k"));

            assertThat(value(m, "PLUMBLINE_CLICKHOUSE_DATABASE")).isEqualTo("metrics");
            assertThat(value(m, "PLUMBLINE_CLICKHOUSE_USER")).isEqualTo("plumbline");
            assertThat(value(m, "PLUMBLINE_CLICKHOUSE_CLUSTER")).isEqualTo("prod_cluster");
            assertThat(value(m, "PLUMBLINE_DEMO_SEED")).isEqualTo("true");
            assertThat(value(m, "JAVA_TOOL_OPTIONS")).isEqualTo("-XX:MaxRAMPercentage=60 -Xss512k");
        }

        @Test
        @DisplayName("reads the password from the Secret the chart creates")
        void passwordFromChartSecret() {
            Manifests m = render(Map.of("clickhouse.password", "s3cret"));

            Map<String, Object> ref = mapAt(m.env().get("PLUMBLINE_CLICKHOUSE_PASSWORD"), "valueFrom.secretKeyRef");
            Map<String, Object> secret = m.single("Secret");
            assertThat(ref.get("name")).isEqualTo(at(secret, "metadata.name"));
            assertThat(mapAt(secret, "data")).containsKey((String) ref.get("key"));
            String encoded = (String) mapAt(secret, "data").get(ref.get("key"));
            assertThat(new String(java.util.Base64.getDecoder().decode(encoded))).isEqualTo("s3cret");
            assertThat(m.env().get("PLUMBLINE_CLICKHOUSE_PASSWORD")).doesNotContainKey("value");
        }

        @Test
        @DisplayName("reads the password from an existing Secret and then renders no Secret")
        void passwordFromExistingSecret() {
            Manifests m = render(Map.of(
                    "clickhouse.existingSecret", "ops-clickhouse",
                    "clickhouse.existingSecretKey", "ch-password",
                    "clickhouse.password", "ignored"));

            Map<String, Object> ref = mapAt(m.env().get("PLUMBLINE_CLICKHOUSE_PASSWORD"), "valueFrom.secretKeyRef");
            assertThat(ref).containsOnly(entry("name", "ops-clickhouse"), entry("key", "ch-password"));
            assertThat(m.ofKind("Secret")).isEmpty();
            assertThat(m.text()).doesNotContain("ignored");
        }

        @Test
        @DisplayName("uses the key 'password' of an existing Secret by default")
        void existingSecretDefaultKey() {
            Manifests m = render(Map.of("clickhouse.existingSecret", "ops-clickhouse"));

            assertThat(mapAt(m.env().get("PLUMBLINE_CLICKHOUSE_PASSWORD"), "valueFrom.secretKeyRef"))
                    .containsEntry("key", "password");
        }

        @Test
        @DisplayName("appends extraEnv after the chart's own variables")
        void extraEnv() {
            Manifests m = render(Map.of(
                    "extraEnv[0].name", "MICRONAUT_ENVIRONMENTS",
                    "extraEnv[0].value", "prod"));

            assertThat(m.env()).containsKey("MICRONAUT_ENVIRONMENTS");
            assertThat(value(m, "MICRONAUT_ENVIRONMENTS")).isEqualTo("prod");
            assertThat(List.copyOf(m.env().keySet())).last().isEqualTo("MICRONAUT_ENVIRONMENTS");
        }
    }

    @Nested
    @DisplayName("probes")
    class Probes {

        @Test
        @DisplayName("check liveness and readiness on their health endpoints via the http port 8080")
        void livenessAndReadiness() {
            Manifests m = render(Map.of());
            Map<String, Object> container = m.container();

            assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/health/liveness");
            assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/health/readiness");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                Object port = at(container, probe + ".httpGet.port");
                assertThat(containerPort(container, port)).as("%s port %s", probe, port).isEqualTo(8080);
            }
        }

        @Test
        @DisplayName("give start-up (schema migrations) at least five minutes through a startupProbe")
        void generousStartupProbe() {
            Map<String, Object> startup = mapAt(render(Map.of()).container(), "startupProbe");

            assertThat(at(startup, "httpGet.path")).isIn("/health/liveness", "/health");
            int period = ((Number) startup.getOrDefault("periodSeconds", 10)).intValue();
            int failures = ((Number) startup.getOrDefault("failureThreshold", 3)).intValue();
            assertThat(period * failures).as("seconds the startup probe tolerates").isGreaterThanOrEqualTo(300);
        }

        private int containerPort(Map<String, Object> container, Object port) {
            if (port instanceof Number number) {
                return number.intValue();
            }
            return list(container.get("ports")).stream().map(Chart::map)
                    .filter(p -> port.equals(p.get("name")))
                    .map(p -> ((Number) p.get("containerPort")).intValue())
                    .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port));
        }
    }

    @Nested
    @DisplayName("security")
    class Security {

        @Test
        @DisplayName("runs as non-root with a read-only root filesystem, no capabilities and the RuntimeDefault seccomp profile")
        void hardenedContainer() {
            Manifests m = render(Map.of());
            Map<String, Object> pod = mapAt(m.podSpec(), "securityContext");
            Map<String, Object> container = mapAt(m.container(), "securityContext");

            assertThat(pod).containsEntry("runAsNonRoot", true);
            assertThat(container).containsEntry("runAsNonRoot", true)
                    .containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            assertThat(list(at(container, "capabilities.drop"))).containsExactly("ALL");
            assertThat(list(at(container, "capabilities.add"))).isEmpty();
            assertThat(at(pod, "seccompProfile.type")).isEqualTo("RuntimeDefault");
            assertThat(at(container, "seccompProfile.type")).isEqualTo("RuntimeDefault");
            if (pod.get("runAsUser") != null) {
                assertThat(((Number) pod.get("runAsUser")).intValue()).isPositive();
            }
        }

        @Test
        @DisplayName("mounts a writable emptyDir at /tmp")
        void tmpIsEmptyDir() {
            Manifests m = render(Map.of());

            Map<String, Object> mount = list(m.container().get("volumeMounts")).stream().map(Chart::map)
                    .filter(v -> "/tmp".equals(v.get("mountPath"))).findFirst()
                    .orElseThrow(() -> new AssertionError("nothing mounted at /tmp"));
            assertThat(mount.get("readOnly")).isNotEqualTo(true);
            Map<String, Object> volume = list(m.podSpec().get("volumes")).stream().map(Chart::map)
                    .filter(v -> mount.get("name").equals(v.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume named " + mount.get("name")));
            assertThat(volume).containsKey("emptyDir");
            assertThat(volume.get("emptyDir")).isInstanceOf(Map.class);
        }

        @Test
        @DisplayName("keeps a valid emptyDir when tmpSizeLimit is emptied")
        void tmpWithoutSizeLimit() {
            Manifests m = render(Map.of("tmpSizeLimit", ""));

            Map<String, Object> volume = map(list(m.podSpec().get("volumes")).getFirst());
            assertThat(volume.get("emptyDir")).isEqualTo(Map.of());
        }
    }

    @Nested
    @DisplayName("pod template")
    class PodTemplate {

        @Test
        @DisplayName("runs one replica of the chart's appVersion image by default")
        void defaultImageAndReplicas() {
            Manifests m = render(Map.of());

            assertThat(at(m.deployment(), "spec.replicas")).isEqualTo(1);
            assertThat(m.container().get("image"))
                    .isEqualTo("ghcr.io/plumbline/plumbline:" + Chart.metadata().get("appVersion"));
            assertThat(list(m.container().get("ports"))).singleElement()
                    .satisfies(p -> assertThat(map(p)).containsEntry("name", "http").containsEntry("containerPort", 8080));
        }

        @Test
        @DisplayName("uses image.repository and image.tag when set")
        void imageOverride() {
            Manifests m = render(Map.of("image.repository", "registry.example/plumbline", "image.tag", "1.2.3"));

            assertThat(m.container().get("image")).isEqualTo("registry.example/plumbline:1.2.3");
        }

        @Test
        @DisplayName("requests 500m CPU and 1Gi memory and limits memory to 2Gi")
        void resources() {
            Map<String, Object> resources = mapAt(render(Map.of()).container(), "resources");

            assertThat(mapAt(resources, "requests")).containsEntry("cpu", "500m").containsEntry("memory", "1Gi");
            assertThat(mapAt(resources, "limits")).containsEntry("memory", "2Gi");
        }

        @Test
        @DisplayName("carries Prometheus scrape annotations for /metrics on port 8080")
        void prometheusAnnotations() {
            Map<String, Object> annotations = mapAt(render(Map.of()).deployment(), "spec.template.metadata.annotations");

            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", "8080")
                    .containsEntry("prometheus.io/path", "/metrics");
        }

        @Test
        @DisplayName("changes its secret checksum when the password changes, so pods roll")
        void checksumFollowsPassword() {
            Object first = secretChecksum(render(Map.of("clickhouse.password", "one")));
            Object same = secretChecksum(render(Map.of("clickhouse.password", "one", "replicaCount", 3, "replicas.coordination", "keeper-map")));
            Object second = secretChecksum(render(Map.of("clickhouse.password", "two")));

            assertThat(first).isNotNull().isEqualTo(same);
            assertThat(second).isNotNull().isNotEqualTo(first);
        }

        @Test
        @DisplayName("has no secret checksum when the password lives in an existing Secret")
        void noChecksumForExistingSecret() {
            assertThat(secretChecksum(render(Map.of("clickhouse.existingSecret", "ops-clickhouse")))).isNull();
        }

        @Test
        @DisplayName("passes nodeSelector, tolerations and affinity through unchanged")
        void schedulingPassthrough() {
            Manifests m = render(Map.of(
                    "nodeSelector.pool", "observability",
                    "tolerations[0].key", "dedicated",
                    "tolerations[0].operator", "Equal",
                    "tolerations[0].value", "observability",
                    "tolerations[0].effect", "NoSchedule",
                    "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                            + ".nodeSelectorTerms[0].matchExpressions[0].key", "zone"));
            Map<String, Object> pod = m.podSpec();

            assertThat(mapAt(pod, "nodeSelector")).containsExactly(entry("pool", "observability"));
            assertThat(list(pod.get("tolerations"))).containsExactly(Map.of(
                    "key", "dedicated", "operator", "Equal", "value", "observability", "effect", "NoSchedule"));
            assertThat(at(pod, "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"))
                    .isNotNull();
        }

        @Test
        @DisplayName("omits empty scheduling fields by default")
        void noSchedulingByDefault() {
            assertThat(render(Map.of()).podSpec()).doesNotContainKeys("nodeSelector", "tolerations", "affinity");
        }

        private Object secretChecksum(Manifests m) {
            return mapAt(m.deployment(), "spec.template.metadata.annotations").get("checksum/secret");
        }
    }
}
