package dev.plumbline.helm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart has no bundled ClickHouse yet, so rendering must refuse to guess a ClickHouse URL. */
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
}
