package dev.plumbline.helm;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.InstallCommand;
import dev.plumbline.helm.Chart.Manifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static dev.plumbline.helm.Chart.at;
import static dev.plumbline.helm.Chart.list;
import static dev.plumbline.helm.Chart.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NOTES.txt, which {@code helm template} does not render: a client-only dry-run install renders it
 * without any cluster (Surefire also points KUBECONFIG at /dev/null).
 */
@DisplayName("NOTES.txt")
class NotesTest {

    private static String notes(Map<String, ?> sets) {
        InstallCommand install = Chart.helm().install().withName(Chart.RELEASE).withNamespace("observability")
                .clientOnly().withDryRunOption(DryRun.CLIENT).withValuesFile(Chart.VALUES_DIR.resolve("minimal.yaml"));
        for (Map.Entry<String, ?> set : sets.entrySet()) {
            install = install.set(set.getKey(), set.getValue());
        }
        String output = install.call().getOutput();
        assertThat(output).contains("NOTES:");
        return output.substring(output.indexOf("NOTES:"));
    }

    @Test
    @DisplayName("tell how to reach the rendered Service and follow the rollout")
    void portForwardToTheService() {
        Map<String, Object> sets = Map.of("service.port", 9090);
        Map<String, Object> service = Chart.render("minimal.yaml", sets).single("Service");
        Object port = map(list(at(service, "spec.ports")).getFirst()).get("port");

        String notes = notes(sets);

        assertThat(notes)
                .containsPattern("(?m)kubectl --namespace observability port-forward service/"
                        + Pattern.quote(String.valueOf(at(service, "metadata.name"))) + " 8080:" + port + "$")
                .contains("rollout status deployment/" + at(service, "metadata.name"))
                .contains("http://clickhouse:8123")
                .contains("single node");
    }

    @Test
    @DisplayName("name the Secret and key the password comes from, and the ClickHouse cluster")
    void existingSecretAndCluster() {
        Map<String, Object> sets = Map.of(
                "clickhouse.existingSecret", "ops-clickhouse",
                "clickhouse.existingSecretKey", "ch-password",
                "clickhouse.cluster", "prod_cluster");
        Manifests rendered = Chart.render("minimal.yaml", sets);

        String notes = notes(sets);

        assertThat(rendered.ofKind("Secret")).isEmpty();
        assertThat(notes).contains("Secret \"ops-clickhouse\", key \"ch-password\"")
                .contains("cluster \"prod_cluster\"")
                .doesNotContain("single node");
    }

    @Test
    @DisplayName("tell the operator to set a first-admin password when none is configured")
    void noInitialAdminPassword() {
        String notes = notes(Map.of());

        assertThat(notes).contains("No first-admin password is set")
                .contains("security.initialAdmin.password")
                .contains("no one can sign in")
                .contains("a session ends after 8h without a request");
    }

    @Test
    @DisplayName("name the first admin and the Secret and key its password comes from")
    void initialAdminFromSecret() {
        Map<String, Object> chartSecret = Map.of(
                "security.initialAdmin.username", "root-admin",
                "security.initialAdmin.password", "first-admin-pw");
        Map<String, Object> existingSecret = Map.of(
                "security.initialAdmin.existingSecret", "ops-admin",
                "security.initialAdmin.existingSecretKey", "admin-password");

        for (Map<String, Object> sets : java.util.List.of(chartSecret, existingSecret)) {
            Map<String, Object> ref = Chart.mapAt(Chart.render("minimal.yaml", sets).env()
                    .get("PLUMBLINE_SECURITY_INITIAL_ADMIN_PASSWORD"), "valueFrom.secretKeyRef");

            String notes = notes(sets);

            assertThat(notes).contains("Secret \"" + ref.get("name") + "\", key \"" + ref.get("key") + "\".")
                    .doesNotContain("No first-admin password")
                    .doesNotContain("first-admin-pw");
        }
        assertThat(notes(chartSecret)).contains("First admin \"root-admin\"");
    }

    @Test
    @DisplayName("give the OIDC callback to register and the group mapping, or warn that it is empty")
    void oidc() {
        Map<String, Object> sets = new java.util.LinkedHashMap<>(SecurityTest.OIDC);
        sets.put("security.oidc.clientName", "okta");

        assertThat(notes(sets)).contains("OIDC sign-in through client \"okta\" at https://idp.example.com/realms/plumbline")
                .contains("/oauth/callback/okta")
                .contains("security.oidc.groupRoles is empty");

        sets.put("security.oidc.groupRoles[0]", "plumbline-admins=admin");
        sets.put("security.oidc.groupRoles[1]", "sre=engineer");
        assertThat(notes(sets)).contains("Groups mapped to roles: plumbline-admins=admin, sre=engineer.")
                .doesNotContain("groupRoles is empty");
        assertThat(notes(Map.of())).doesNotContain("OIDC").doesNotContain("oauth");
    }
}
