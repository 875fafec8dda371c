package dev.plumbline.helm;

import static dev.plumbline.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.helm.Chart.Manifests;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Several pods (coordination required, each pod named in its leases, a PodDisruptionBudget, remote write sticky); a sharded store. */
@DisplayName("replicas and shards")
class ReplicasTest {

    private static Manifests render(Map<String, ?> sets) {
        Map<String, Object> all = new LinkedHashMap<>(sets);
        all.putIfAbsent("clickhouse.url", "http://clickhouse:8123");
        return Chart.render(null, all);
    }

    @Test
    @DisplayName("one pod by default: no coordination, no PodDisruptionBudget, no session affinity")
    void single() {
        Manifests m = render(Map.of());

        assertThat(m.env().get("PLUMBLINE_REPLICAS_COORDINATION").get("value")).isEqualTo("none");
        assertThat(m.ofKind("PodDisruptionBudget")).isEmpty();
        assertThat(at(m.single("Service"), "spec.sessionAffinity")).isNull();
    }

    @Test
    @DisplayName("refuses more than one pod without keeper-map coordination, naming the value to set")
    void needsCoordination() {
        assertThatThrownBy(() -> Chart.template(null, Map.of("clickhouse.url", "http://c:8123", "replicaCount", 2)))
                .hasMessageContaining("replicaCount 2 needs replicas.coordination keeper-map");
        assertThatThrownBy(() -> Chart.template(null, Map.of("clickhouse.url", "http://c:8123",
                "replicas.coordination", "etcd")))
                .hasMessageContaining("replicas.coordination must be none or keeper-map, was \"etcd\"");
    }

    @Test
    @DisplayName("three pods: keeper-map, each pod's name as its replica id, lease timings, a PodDisruptionBudget")
    void three() {
        Manifests m = render(Map.of("replicaCount", 3, "replicas.coordination", "keeper-map",
                "replicas.leaseTtl", "45s", "replicas.renew", "15s"));

        assertThat(at(m.single("Deployment"), "spec.replicas")).isEqualTo(3);
        assertThat(m.env().get("PLUMBLINE_REPLICAS_COORDINATION").get("value")).isEqualTo("keeper-map");
        assertThat(at(m.env().get("PLUMBLINE_REPLICAS_ID"), "valueFrom.fieldRef.fieldPath"))
                .isEqualTo("metadata.name");
        assertThat(m.env().get("PLUMBLINE_REPLICAS_LEASE_TTL").get("value")).isEqualTo("45s");
        assertThat(m.env().get("PLUMBLINE_REPLICAS_RENEW").get("value")).isEqualTo("15s");
        Map<String, Object> pdb = m.single("PodDisruptionBudget");
        assertThat(at(pdb, "spec.maxUnavailable")).isEqualTo(1);
        assertThat(at(pdb, "spec.selector.matchLabels"))
                .isEqualTo(at(m.single("Deployment"), "spec.selector.matchLabels"));
        assertThat(at(m.single("Service"), "spec.sessionAffinity")).isNull();   // no remote write: any pod will do
    }

    @Test
    @DisplayName("with remote write on and several pods, the Service keeps each client on one pod")
    void remoteWriteSticky() {
        Manifests m = render(Map.of("replicaCount", 2, "replicas.coordination", "keeper-map",
                "collectors.remoteWrite.enabled", true));

        assertThat(at(m.single("Service"), "spec.sessionAffinity")).isEqualTo("ClientIP");
    }

    @Test
    @DisplayName("a sharded store: every shard's URL in PLUMBLINE_CLICKHOUSE_SHARDS, refused without the cluster's name")
    void shards() {
        Manifests m = Chart.render("sharded.yaml");

        assertThat(m.env().get("PLUMBLINE_CLICKHOUSE_SHARDS").get("value")).isEqualTo("http://ch-1:8123,http://ch-2:8123");
        assertThat(render(Map.of()).env()).doesNotContainKey("PLUMBLINE_CLICKHOUSE_SHARDS");
        assertThatThrownBy(() -> Chart.template("sharded.yaml", Map.of("clickhouse.cluster", "")))
                .hasMessageContaining("clickhouse.shards needs clickhouse.cluster");
    }
}
