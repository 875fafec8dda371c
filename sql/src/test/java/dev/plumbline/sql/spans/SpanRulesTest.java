package dev.plumbline.sql.spans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a spans source may be configured with, and the bounds its minutes are stored with. */
class SpanRulesTest {

    private static final List<Double> BOUNDS = List.of(0.1, 0.5);

    private static SpanRules rules(String requests, String customer, String errorRule, int min, int max, String sampling,
                                   List<Double> bounds) {
        return new SpanRules(requests, customer, false, errorRule, "http.response.status_code", min, max, sampling,
                "sampling.adjusted_count", false, bounds);
    }

    @Test
    void every_refusal_names_its_setting() {
        List<Object[]> cases = List.of(
                new Object[] {"client", "tenant.id", "status", 500, 599, "none", BOUNDS,
                        "requests: 'client' must be server (server spans) or root (root spans)"},
                new Object[] {"server", "tenant id", "status", 500, 599, "none", BOUNDS,
                        "customer-attribute: 'tenant id' is not an attribute name (letters, digits, . _ : / -)"},
                new Object[] {"server", "tenant.id", "grpc", 500, 599, "none", BOUNDS,
                        "error-rule: 'grpc' must be status or http-status"},
                new Object[] {"server", "tenant.id", "http-status", 599, 500, "none", BOUNDS,
                        "http-error-min, http-error-max: an HTTP status range within 100-599, was 599-500"},
                new Object[] {"server", "tenant.id", "status", 500, 599, "head", BOUNDS,
                        "sampling: 'head' must be none, adjusted-count or probability"},
                new Object[] {"server", "tenant.id", "status", 500, 599, "none", List.of(),
                        "latency-buckets: 1 to 64 bounds, was 0"},
                new Object[] {"server", "tenant.id", "status", 500, 599, "none", List.of(0.5, 0.1),
                        "latency-buckets: bounds must ascend, 0.5 then 0.1"},
                new Object[] {"server", "tenant.id", "status", 500, 599, "none", List.of(0.0, 0.1),
                        "latency-buckets: 0.0 s is not a bound (more than 0, at most a day)"},
                new Object[] {"server", "tenant.id", "status", 500, 599, "none", List.of(Double.POSITIVE_INFINITY),
                        "latency-buckets: Infinity s is not a bound (more than 0, at most a day)"},
                new Object[] {"server", "tenant.id", "status", 500, 599, "none", List.of(0.0000005),
                        "latency-buckets: 5.0E-7 s is finer than a microsecond"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            List<Double> bounds = (List<Double>) c[6];
            assertThatThrownBy(() -> rules((String) c[0], (String) c[1], (String) c[2], (int) c[3], (int) c[4],
                    (String) c[5], bounds)).as((String) c[7]).hasMessage((String) c[7]);
        }
    }

    @Test
    void the_catalogs_thresholds_join_the_bounds_in_order_once_each_and_inf_closes_them() {
        SpanRules rules = SpanRules.of("tenant.id", List.of(0.1, 0.5, 1.0)).withBounds(List.of(0.3, 0.5, 2.0));
        assertThat(rules.boundsSeconds()).containsExactly(0.1, 0.3, 0.5, 1.0, 2.0);
        assertThat(rules.storedBounds()).containsExactly(0.1, 0.3, 0.5, 1.0, 2.0, Double.POSITIVE_INFINITY);
        assertThat(rules.boundsNanos()).containsExactly(100_000_000L, 300_000_000L, 500_000_000L, 1_000_000_000L,
                2_000_000_000L);
    }

    @Test
    void names_are_read_without_case_or_spaces_around() {
        SpanRules rules = rules(" Root ", "tenant.id", "HTTP-Status", 500, 599, "Probability", BOUNDS);
        assertThat(List.of(rules.requests(), rules.errorRule(), rules.sampling()))
                .containsExactly("root", "http-status", "probability");
    }

    @Test
    void a_schema_is_otel_or_signoz() {
        assertThat(SpanSchema.of(" SigNoz")).isEqualTo(SpanSchema.SIGNOZ);
        assertThatThrownBy(() -> SpanSchema.of("jaeger"))
                .hasMessage("schema: 'jaeger' is not one Plumbline reads (otel or signoz)");
    }
}
