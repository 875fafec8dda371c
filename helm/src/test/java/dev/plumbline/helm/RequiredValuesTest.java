package dev.plumbline.helm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart has no bundled ClickHouse yet, so rendering must refuse to guess a ClickHouse URL; and an enabled OIDC
 * client must be complete. Each failure names the value key at fault.
 */
@DisplayName("required values")
class RequiredValuesTest {

    @Test
    @DisplayName("rendering with the chart defaults only fails and names clickhouse.url")
    void renderingWithoutClickhouseUrlFails() {
        assertThatThrownBy(() -> Chart.template(null, Map.of()))
                .hasMessageContaining("clickhouse.url is required")
                .hasMessageContaining("http://clickhouse:8123");
    }

    @Test
    @DisplayName("rendering with an empty clickhouse.url fails and names clickhouse.url")
    void renderingWithEmptyClickhouseUrlFails() {
        assertThatThrownBy(() -> Chart.template(null, Map.of("clickhouse.url", "")))
                .hasMessageContaining("clickhouse.url is required");
    }

    @Test
    @DisplayName("rendering with clickhouse.url set succeeds")
    void renderingWithClickhouseUrlSucceeds() {
        assertThatCode(() -> Chart.template(null, Map.of("clickhouse.url", "http://clickhouse:8123")))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an existing secret without a key name fails and names clickhouse.existingSecretKey")
    void existingSecretWithoutKeyFails() {
        assertThatThrownBy(() -> Chart.template("minimal.yaml", Map.of(
                "clickhouse.existingSecret", "my-secret",
                "clickhouse.existingSecretKey", "")))
                .hasMessageContaining("clickhouse.existingSecretKey");
    }

    @Test
    @DisplayName("OIDC enabled without an issuer fails and names security.oidc.issuer")
    void oidcWithoutIssuerFails() {
        assertThatThrownBy(() -> Chart.template("minimal.yaml", oidcWithout("security.oidc.issuer")))
                .hasMessageContaining("security.oidc.issuer is required");
    }

    @Test
    @DisplayName("OIDC enabled without a client id fails and names security.oidc.clientId")
    void oidcWithoutClientIdFails() {
        assertThatThrownBy(() -> Chart.template("minimal.yaml", oidcWithout("security.oidc.clientId")))
                .hasMessageContaining("security.oidc.clientId is required");
    }

    @Test
    @DisplayName("OIDC enabled without a client secret fails and names security.oidc.clientSecret")
    void oidcWithoutClientSecretFails() {
        assertThatThrownBy(() -> Chart.template("minimal.yaml", oidcWithout("security.oidc.clientSecret")))
                .hasMessageContaining("security.oidc.clientSecret (or security.oidc.existingSecret) is required");
    }

    @Test
    @DisplayName("a complete OIDC client renders")
    void completeOidcSucceeds() {
        assertThatCode(() -> Chart.template("minimal.yaml", SecurityTest.OIDC)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "security.oidc.clientName \"{0}\" fails")
    @ValueSource(strings = {"Okta", "my-idp", "my_idp", "1okta", "okta.example", ""})
    @DisplayName("an OIDC client name that is not lowercase letters and digits fails and names security.oidc.clientName")
    void badClientNameFails(String clientName) {
        Map<String, Object> sets = new LinkedHashMap<>(SecurityTest.OIDC);
        sets.put("security.oidc.clientName", clientName);

        assertThatThrownBy(() -> Chart.template("minimal.yaml", sets))
                .hasMessageContaining("security.oidc.clientName \"" + clientName + "\" is not valid");
    }

    @ParameterizedTest(name = "security.oidc.clientName \"{0}\" renders")
    @ValueSource(strings = {"oidc", "okta", "azure2"})
    @DisplayName("a lowercase OIDC client name renders")
    void goodClientNameSucceeds(String clientName) {
        Map<String, Object> sets = new LinkedHashMap<>(SecurityTest.OIDC);
        sets.put("security.oidc.clientName", clientName);

        assertThatCode(() -> Chart.template("minimal.yaml", sets)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "security.oidc.groupRoles entry \"{0}\" fails")
    @ValueSource(strings = {"plumbline-admins", "=admin", "sre=", "sre, ops=engineer", "sre=engineer,pm"})
    @DisplayName("an OIDC group mapping that is not group=role fails and names security.oidc.groupRoles")
    void badGroupRoleFails(String entry, @TempDir Path dir) throws IOException {
        // a values file, because --set would split the entry at its comma
        Path values = dir.resolve("group-roles.yaml");
        Files.writeString(values, "clickhouse:\n  url: http://clickhouse:8123\n"
                + "security:\n  oidc:\n    groupRoles:\n      - '" + entry + "'\n");

        assertThatThrownBy(() -> Chart.template(values.toString(), SecurityTest.OIDC))
                .hasMessageContaining("security.oidc.groupRoles: \"" + entry + "\" is not group=role");
    }

    @Test
    @DisplayName("existing Secrets without a key name fail and name their existingSecretKey")
    void securityExistingSecretsWithoutKeyFail() {
        assertThatThrownBy(() -> Chart.template("minimal.yaml", Map.of(
                "security.initialAdmin.existingSecret", "ops-admin",
                "security.initialAdmin.existingSecretKey", "")))
                .hasMessageContaining("security.initialAdmin.existingSecretKey");
        Map<String, Object> oidc = new LinkedHashMap<>(SecurityTest.OIDC);
        oidc.put("security.oidc.existingSecret", "ops-oidc");
        oidc.put("security.oidc.existingSecretKey", "");
        assertThatThrownBy(() -> Chart.template("minimal.yaml", oidc))
                .hasMessageContaining("security.oidc.existingSecretKey");
    }

    @Test
    @DisplayName("an empty session timeout fails and names security.sessionTimeout")
    void emptySessionTimeoutFails() {
        assertThatThrownBy(() -> Chart.template("minimal.yaml", Map.of("security.sessionTimeout", "")))
                .hasMessageContaining("security.sessionTimeout");
    }

    /** A complete OIDC client with one value emptied. */
    private static Map<String, Object> oidcWithout(String key) {
        Map<String, Object> sets = new LinkedHashMap<>(SecurityTest.OIDC);
        assertThat(sets).containsKey(key);
        sets.put(key, "");
        return sets;
    }
}
