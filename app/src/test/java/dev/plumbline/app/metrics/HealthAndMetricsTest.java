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
    void health_is_up_for_anyone_and_details_including_clickhouse_are_for_signed_in_users() {
        HttpResponse<String> anonymous = app.get("/health");
        HttpResponse<String> signedIn = app.getAs("engineer", "/health");

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(app.jsonMap(anonymous.body())).containsEntry("status", "UP").doesNotContainKey("details");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(app.jsonMap(signedIn.body()).get("details").toString()).contains("clickhouse");
    }

    @Test
    void liveness_and_readiness_answer_probes_at_their_kubernetes_paths() {
        assertThat(app.get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(app.get("/health/readiness").statusCode()).isEqualTo(200);
        assertThat(app.getAs("admin", "/health/readiness").body()).contains("clickhouse");
    }

    @Test
    void metrics_are_open_to_scrapers_and_hold_no_customer_or_money_data() {
        app.getAs("exec", "/api/v1/customers?limit=5");
        String metrics = app.get("/metrics").body();

        assertThat(metrics).doesNotContain("cus-", "arr", "ARR", "USD");
    }

    @Test
    void metrics_are_in_prometheus_text_format_with_store_and_jvm_series() {
        app.getAs("pm", "/api/v1/services");
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
        app.getAs("pm", "/api/v1/services/search");
        app.getAs("pm", "/api/v1/no-such-thing");

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
