package dev.plumbline.collectors.alerts.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadog.api.client.v1.model.Monitor;
import com.datadog.api.client.v1.model.MonitorType;
import com.datadog.api.client.v1.model.SLOTimeframe;
import com.datadog.api.client.v1.model.SLOType;
import dev.plumbline.collectors.alerts.AlertSubject;
import dev.plumbline.collectors.alerts.ExportRefused;
import dev.plumbline.sql.alerts.Presets;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatadogMonitorsTest {

    static final AlertSubject SEARCH = new AlertSubject(new Service("search", "Search", "", "", "", 1,
            "https://runbooks.example.com/search"), new Objective("search", "availability", Indicator.AVAILABILITY,
            0.999, null, ObjectiveWindow.rolling(30)), "https://plumbline.example.com/service?name=search");
    static final DatadogNames PROD = new DatadogNames("trace.http.request.hits", "trace.http.request.errors", "service",
            "env:prod");

    static String sreWorkbook() {
        return DatadogMonitors.json(SEARCH, Presets.sreWorkbook(SEARCH.objective().window()), PROD);
    }

    @Test
    void the_sre_workbook_reads_back_through_datadogs_model_as_an_slo_two_burn_rate_and_three_metric_monitors() {
        DatadogReadBack.Read read = DatadogReadBack.read(sreWorkbook());

        assertThat(read.slo().getType()).isEqualTo(SLOType.METRIC);
        assertThat(read.slo().getQuery().getDenominator()).isEqualTo("sum:trace.http.request.hits{service:search,env:prod}.as_count()");
        assertThat(read.slo().getQuery().getNumerator()).isEqualTo("sum:trace.http.request.hits{service:search,env:prod}"
                + ".as_count() - sum:trace.http.request.errors{service:search,env:prod}.as_count()");
        assertThat(read.slo().getThresholds()).singleElement().satisfies(t -> {
            assertThat(t.getTimeframe()).isEqualTo(SLOTimeframe.THIRTY_DAYS);
            assertThat(t.getTarget()).isEqualTo(99.9);
        });
        assertThat(read.monitors()).extracting(Monitor::getType).containsExactly(MonitorType.SLO_ALERT,
                MonitorType.METRIC_ALERT, MonitorType.SLO_ALERT, MonitorType.METRIC_ALERT, MonitorType.METRIC_ALERT);
        Monitor page = read.monitors().getFirst();
        assertThat(page.getQuery()).isEqualTo("burn_rate(\"${slo_id}\").over(\"30d\").long_window(\"1h\")"
                + ".short_window(\"5m\") > 14.4");
        assertThat(page.getOptions().getThresholds().getCritical()).isEqualTo(14.4);
        assertThat(page.getTags()).contains("service:search", "slo:availability", "severity:page", "rule:page-1h");
        assertThat(page.getMessage()).contains("Runbook: https://runbooks.example.com/search");
        assertThat(read.monitors().get(4).getQuery()).isEqualTo("sum(last_72h):sum:trace.http.request.errors"
                + "{service:search,env:prod}.as_count() / sum:trace.http.request.hits{service:search,env:prod}"
                + ".as_count() > 0.0010000000000000009");
        assertThat(sreWorkbook()).contains("ticket-3d: no slo alert monitor, its long window 3d is outside Datadog's 1h to 48h");
    }

    static Stream<Arguments> wrongShapes() {
        return Stream.of(
                Arguments.of("a monitor type Datadog does not know", "\"type\" : \"slo alert\"", "\"type\" : \"slo_alert\"",
                        "$.monitors[0].type: "),
                Arguments.of("a threshold that is not a number", "\"critical\" : 14.4",
                        "\"critical\" : \"high\"", "$.monitors[0].options.thresholds.critical"),
                Arguments.of("a field Datadog's monitor has not", "\"priority\" : 1", "\"urgency\" : 1",
                        "$.monitors[0].urgency: not a field of Datadog's model"),
                Arguments.of("an SLO timeframe Datadog does not know", "\"timeframe\" : \"30d\"", "\"timeframe\" : \"28d\"",
                        "$.slo.thresholds[0]: "),
                Arguments.of("a target in words", "\"target\" : 99.9", "\"target\" : \"ninety-nine\"",
                        "$.slo.thresholds[0].target: "),
                Arguments.of("a monitor without its query", "\"query\" : \"burn_rate", "\"querry\" : \"burn_rate",
                        "$.monitors[0]"),
                Arguments.of("a critical threshold other than the query's", "\"critical\" : 14.4", "\"critical\" : 14.5",
                        "$.monitors[0].options.thresholds.critical: 14.5 is not the query's threshold"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongShapes")
    void a_wrong_shape_does_not_read_back(String what, String from, String to, String where) {
        String json = sreWorkbook();
        assertThat(json).contains(from);
        String wrong = json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));

        assertThatThrownBy(() -> DatadogReadBack.read(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(where);
    }

    @Test
    void a_latency_objective_is_refused_as_datadog_counts_no_slow_requests() {
        AlertSubject latency = new AlertSubject(SEARCH.service(), new Objective("search", "latency", Indicator.LATENCY,
                0.99, 300.0, ObjectiveWindow.rolling(28)), SEARCH.servicePage());

        assertThatThrownBy(() -> DatadogMonitors.json(latency, Presets.pyrra(latency.objective().window()), PROD))
                .isInstanceOf(ExportRefused.class).hasMessageStartingWith("objective: search/latency is a latency objective");
    }
}
