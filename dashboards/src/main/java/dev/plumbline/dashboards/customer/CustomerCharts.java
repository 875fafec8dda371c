package dev.plumbline.dashboards.customer;

import dev.plumbline.dashboards.chart.TimeChart;
import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.psr.CustomerDay;
import dev.plumbline.sql.psr.CustomerTrend;
import dev.plumbline.sql.psr.Trends;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Customer page's charts from a {@link CustomerTrend}, which holds every figure (computed in {@code sql/}): the
 * error rate over all its services with its 7-day moving average; p95 of its busiest services (percentiles of
 * different services are not merged); its requests stacked by service, the busiest by name and the rest as "other
 * services". Annotations about the customer (or about no one in particular) are marks. Every day of [from,
 * toExclusive) is on the axis; a day without telemetry is a gap. Pure.
 */
public final class CustomerCharts {

    static final String OTHERS = "other services";

    private CustomerCharts() {
    }

    public static List<TimeChart> of(CustomerTrend trend, List<Annotation> annotations, LocalDate from,
                                     LocalDate toExclusive) {
        Map<LocalDate, CustomerDay> totals = new HashMap<>();
        trend.totals().forEach(t -> totals.put(t.day(), t));
        // the axis starts at the first day with telemetry (no empty months before the data)
        LocalDate start = trend.totals().stream().filter(t -> t.requests() > 0).map(CustomerDay::day)
                .filter(d -> !d.isBefore(from)).min(Comparator.naturalOrder())
                .orElse(from);
        List<LocalDate> days = start.isBefore(toExclusive) ? start.datesUntil(toExclusive).toList() : List.of();
        Map<String, Map<LocalDate, CustomerTrend.ServiceDay>> byService = new HashMap<>();
        trend.days().forEach(d -> byService.computeIfAbsent(d.service(), s -> new HashMap<>()).put(d.day(), d));
        List<TimeChart.Marker> marks = annotations.stream()
                .filter(a -> a.customer().equals(trend.customer()) || a.customer().isEmpty()
                        && (a.service().isEmpty() || byService.containsKey(a.service())))
                .map(TimeChart.Marker::of).toList();

        List<Double> errorRate = days.stream().map(totals::get)
                .map(t -> t == null || t.errorRate() == null ? null : 100 * t.errorRate()).toList();
        TimeChart errors = new TimeChart("Error rate, all its services", "%", days,
                List.of(new TimeChart.Line("error rate", errorRate),
                        new TimeChart.Line("7-day average", Trends.movingAverage(errorRate, 7))), false, null, marks);

        List<TimeChart.Line> p95 = new java.util.ArrayList<>();
        List<TimeChart.Line> traffic = new java.util.ArrayList<>();
        for (String service : trend.busiest().stream().sorted(Comparator.naturalOrder()).toList()) {
            Map<LocalDate, CustomerTrend.ServiceDay> its = byService.get(service);
            p95.add(new TimeChart.Line(service, days.stream().map(its::get)
                    .map(d -> d == null || d.p95Seconds() == null ? null : 1000 * d.p95Seconds()).toList()));
            traffic.add(new TimeChart.Line(service, days.stream()
                    .map(d -> its.containsKey(d) ? Double.valueOf(its.get(d).requests()) : totals.containsKey(d) ? 0.0 : null)
                    .toList()));
        }
        boolean others = trend.totals().stream().map(CustomerDay::otherServicesRequests).anyMatch(Objects::nonNull);
        if (others) {
            traffic.add(new TimeChart.Line(OTHERS, days.stream().map(totals::get)
                    .map(t -> t == null ? null : t.otherServicesRequests()).toList()));
        }
        String p95Title = others ? "p95 latency, its " + trend.busiest().size() + " busiest services"
                : "p95 latency by service";
        return List.of(errors, new TimeChart(p95Title, "ms", days, p95, false, null, marks),
                new TimeChart("Requests by service", "requests", days, traffic, true, null, marks));
    }
}
