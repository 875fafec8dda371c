package dev.plumbline.dashboards.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.dashboards.chart.TimeChart;
import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.psr.CustomerTrend;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerChartsTest {

    private static final LocalDate D1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    /** Eight services s1..s8 on day 1 with 10, 20, ... 80 requests; day 2 has no telemetry; day 3 only s8. */
    private static CustomerTrend trend() {
        List<CustomerTrend.ServiceDay> days = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            days.add(new CustomerTrend.ServiceDay(D1, "s" + i, 10.0 * i, i, 0.1, i == 3 ? null : Double.valueOf(0.01 * i)));
        }
        days.add(new CustomerTrend.ServiceDay(D3, "s8", 50, 5, 0.1, 0.2));
        return CustomerTrend.of("acme", days);
    }

    @Test
    void error_rate_adds_every_service_and_a_day_without_telemetry_is_a_gap() {
        TimeChart errors = CustomerCharts.of(trend(), List.of(), D1, D1.plusDays(3)).getFirst();
        List<Double> rate = errors.lines().getFirst().values();
        assertThat(rate.get(0)).isCloseTo(100.0 * 36 / 360, within(1e-12));   // errors 1+..+8, requests 10+..+80
        assertThat(rate.get(1)).isNull();
        assertThat(rate.get(2)).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void the_busiest_six_services_are_named_and_the_rest_are_summed_as_other_services() {
        List<TimeChart> charts = CustomerCharts.of(trend(), List.of(), D1, D1.plusDays(3));
        TimeChart p95 = charts.get(1);
        assertThat(p95.title()).isEqualTo("p95 latency, its 6 busiest services");
        assertThat(p95.lines()).extracting(TimeChart.Line::name).containsExactly("s3", "s4", "s5", "s6", "s7", "s8");
        assertThat(p95.lines().getFirst().values()).isEqualTo(Arrays.asList(null, null, null));  // s3 not mergeable
        assertThat(p95.lines().getLast().values().get(0)).isCloseTo(80.0, within(1e-9));
        TimeChart traffic = charts.get(2);
        assertThat(traffic.stacked()).isTrue();
        assertThat(traffic.lines()).extracting(TimeChart.Line::name).endsWith("s8", CustomerCharts.OTHERS);
        assertThat(traffic.lines().getLast().values()).isEqualTo(Arrays.asList(30.0, null, 0.0));   // s1 + s2
        assertThat(traffic.lines().getFirst().values()).isEqualTo(Arrays.asList(30.0, null, 0.0));   // s3: none on day 3
    }

    @Test
    void annotations_about_this_customer_a_service_it_uses_or_the_platform_are_marked_others_not() {
        List<Annotation> notes = List.of(note("", "acme", "slow export"), note("", "", "platform incident"),
                note("", "globex", "x"), note("s2", "", "s2 deploy"), note("billing", "", "not used"));
        TimeChart errors = CustomerCharts.of(trend(), notes, D1, D1.plusDays(3)).getFirst();
        assertThat(errors.markers()).extracting(TimeChart.Marker::label)
                .containsExactly("incident: slow export", "incident: platform incident", "incident: s2 deploy");
    }

    @Test
    void no_telemetry_gives_empty_charts() {
        assertThat(CustomerCharts.of(CustomerTrend.of("acme", List.of()), List.of(), D1, D1.plusDays(3)))
                .allMatch(TimeChart::isEmpty);
    }

    private static Annotation note(String service, String customer, String text) {
        return new Annotation(UUID.randomUUID(), D2.atStartOfDay(ZoneOffset.UTC).toInstant(), null, service, customer,
                AnnotationKind.INCIDENT, text, "");
    }
}
