package dev.plumbline.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class HealthAndMetricsTest {

    private static RunningApp app;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void health_is_up_and_includes_clickhouse() {
        HttpResponse<String> response = app.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> health = app.jsonMap(response.body());
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.get("details").toString()).contains("clickhouse");
    }

    @Test
    void liveness_and_readiness_answer_at_their_kubernetes_paths() {
        assertThat(app.get("/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = app.get("/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("clickhouse");
    }

    @Test
    void metrics_are_in_prometheus_text_format_with_store_and_jvm_series() {
        app.get("/api/v1/services");
        HttpResponse<String> response = app.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t.replace(" ", "")).startsWith("text/plain;version=0.0.4"));
        assertThat(response.body())
                .contains("plumbline_clickhouse_queries_total{outcome=\"ok\",query=\"count_services\"}")
                .contains("plumbline_clickhouse_query_duration_seconds_bucket{")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void api_requests_are_counted_by_route_template_and_status() {
        app.get("/api/v1/services/search");
        app.get("/api/v1/no-such-thing");

        String metrics = app.get("/metrics").body();

        assertThat(metrics).contains("plumbline_http_server_request_duration_seconds_count{"
                + "method=\"GET\",route=\"/api/v1/services/{name}\",status=\"404\"}")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain("route=\"/api/v1/services/search\"");
    }

    @Test
    void metrics_speak_openmetrics_when_asked() {
        HttpResponse<String> response = app.get("/metrics",
                Map.of("Accept", "application/openmetrics-text; version=1.0.0"));

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/openmetrics-text"));
        assertThat(response.body().strip()).endsWith("# EOF");
    }
}
