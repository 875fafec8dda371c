package dev.plumbline.app.demo;

import dev.plumbline.app.config.DemoProperties;
import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoPlatform;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.demo.PlantedProblem;
import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.fixes.FixEffects;
import dev.plumbline.sql.fixes.FixStore;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.telemetry.RollupStore;
import dev.plumbline.sql.telemetry.ServiceMinute;
import dev.plumbline.sql.telemetry.TelemetryHour;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's telemetry: the demo platform (the demo catalog's services, the demo customers with traffic following
 * their ARR) runs live on {@code plumbline.demo.platform-port} for the demo's Prometheus to scrape, and its history
 * from the first day of last month up to this hour is written once into the hourly roll-up as source {@value #SOURCE},
 * the same name the demo's Prometheus source has, so history and live collection join without overlapping. The
 * history's per-service minutes are written too (what the Alerts page replays), and the planted deploy is annotated
 * with the incident it caused, and the fix that rolled it back is tracked ({@link DemoFix}).
 */
@Singleton
@Requires(property = DemoProperties.PREFIX + ".platform-port")
public class DemoTelemetry implements ApplicationEventListener<ServerStartupEvent> {

    static final String SOURCE = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTelemetry.class);

    private final DemoProperties properties;
    private final RollupStore rollups;
    private final AnnotationStore annotations;
    private final FixStore fixes;
    private final FixEffects effects;
    private final Clock clock;
    private DemoPlatform platform;
    private final java.util.concurrent.CompletableFuture<Long> history = new java.util.concurrent.CompletableFuture<>();

    public DemoTelemetry(DemoProperties properties, RollupStore rollups, AnnotationStore annotations, FixStore fixes,
                         FixEffects effects, Clock clock) {
        this.properties = properties;
        this.rollups = rollups;
        this.annotations = annotations;
        this.fixes = fixes;
        this.effects = effects;
        this.clock = clock;
    }

    /** The demo traffic: same seed, same customers and services as the seeded demo data. */
    static DemoTraffic traffic(LocalDate today) {
        Map<String, Customer> latest = new LinkedHashMap<>();
        DemoData.customers(DemoSeeder.SEED, DemoSeeder.CUSTOMERS, today.withDayOfMonth(1).minusMonths(12), today).stream()
                .sorted(Comparator.comparing(Customer::effectiveFrom)).forEach(c -> latest.put(c.id(), c));
        List<DemoCustomer> customers = latest.values().stream().map(c -> new DemoCustomer(c.id(),
                0.05 + c.arr().doubleValue() / 200_000, c.dataVolumeGb() == null ? 0 : c.dataVolumeGb(), c.region())).toList();
        // ten days ago, so that its rollback (five days later) has whole days on both sides to be measured on
        Instant deploy = today.minusDays(10).atTime(14, 0).toInstant(ZoneOffset.UTC);
        // medians at an eighth of each latency threshold: p99 near half of it, inside every objective
        Map<String, Double> medians = new LinkedHashMap<>();
        DemoData.objectives().stream().filter(o -> o.latencyThresholdMs() != null)
                .forEach(o -> medians.merge(o.service(), o.latencyThresholdMs() / 1000 / 8, Math::min));
        return new DemoTraffic(DemoData.services().stream().map(Service::name).toList(), customers, DemoSeeder.SEED,
                deploy, medians);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        DemoTraffic traffic = traffic(LocalDate.now(clock));
        platform = DemoPlatform.start(traffic, properties.platformPort(), clock);
        LOG.info("demo platform: {} slices, metrics at {}; planted: {}", traffic.slices().size(), platform.metricsUrl(),
                traffic.planted().stream().map(p -> p.description()).toList());
        Thread history = new Thread(() -> writeHistory(traffic), "demo-history");
        history.setDaemon(true);
        history.start();
    }

    /** Completes with the hourly rows written (0: there already was a history) once the history is in. */
    public java.util.concurrent.CompletableFuture<Long> history() {
        return history;
    }

    private void writeHistory(DemoTraffic traffic) {
        try {
            if (rollups.hasHours(SOURCE)) {
                LOG.info("demo history: already written");
                history.complete(0L);
                return;
            }
            Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
            // from the first day of the month before last: the last complete month (what the pages show while the
            // current one is young) then has a whole month before it to be compared with
            Instant start = LocalDate.ofInstant(end, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            List<Double> le = new ArrayList<>(Arrays.stream(DemoTraffic.BUCKETS).boxed().toList());
            le.add(Double.POSITIVE_INFINITY);
            long rows = 0;
            long minutes = 0;
            long t0 = System.nanoTime();
            for (Instant day = start; day.isBefore(end); day = day.plus(1, ChronoUnit.DAYS)) {
                List<TelemetryHour> hours = new ArrayList<>();
                List<ServiceMinute> serviceMinutes = new ArrayList<>();
                List<Instant> covered = new ArrayList<>();
                for (Instant hour = day; hour.isBefore(day.plus(1, ChronoUnit.DAYS)) && hour.isBefore(end);
                     hour = hour.plus(1, ChronoUnit.HOURS)) {
                    covered.add(hour);
                    List<DemoTraffic.ExpectedHour> expected = traffic.expectedHour(hour);
                    for (DemoTraffic.ExpectedHour e : expected) {
                        hours.add(new TelemetryHour(e.slice().service(), e.slice().customer(), SOURCE, hour, e.requests(),
                                e.errors(), le, Arrays.stream(e.bucketCounts()).boxed().toList(), true, 60));
                    }
                    for (DemoTraffic.ServiceMinute m : traffic.serviceMinutes(hour, expected)) {
                        serviceMinutes.add(new ServiceMinute(m.service(), m.minute(), m.requests(), m.errors(), le,
                                Arrays.stream(m.bucketCounts()).boxed().toList()));
                    }
                }
                rows += rollups.insertHours(hours);
                minutes += rollups.insertServiceMinutes(serviceMinutes);
                rollups.recordCoverage(SOURCE, covered, covered.stream().map(h -> 60).toList());
            }
            rollups.rollUpDays(start, end);
            List<Annotation> planted = annotations(traffic, start, end);
            if (!planted.isEmpty()) {
                annotations.insert(planted);
                double target = DemoData.objectives().stream().filter(o -> o.service().equals("checkout")
                        && o.name().equals("availability")).findFirst().orElseThrow().target();
                DemoFix.seed(traffic, fixes, effects, annotations, target, LocalDate.ofInstant(end, ZoneOffset.UTC))
                        .ifPresent(f -> LOG.info("demo: tracked fix {} shipped at {}", f.title(), f.shippedAt()));
            }
            LOG.info("demo history: {} hourly rows and {} per-service minutes from {} to {} in {} s", rows, minutes,
                    start, end, (System.nanoTime() - t0) / 1_000_000_000);
            history.complete(rows);
        } catch (RuntimeException e) {
            LOG.error("demo history could not be written: {}", e.getMessage(), e);
            history.completeExceptionally(e);
        }
    }

    /** The planted deploy and the incident it caused, when they fall in the history [start, end). */
    static List<Annotation> annotations(DemoTraffic traffic, Instant start, Instant end) {
        List<Annotation> out = new ArrayList<>();
        for (PlantedProblem p : traffic.planted()) {
            if (!p.name().equals("checkout-deploy") || p.from().isBefore(start) || !p.from().isBefore(end)) {
                continue;
            }
            out.add(new Annotation(UUID.nameUUIDFromBytes(("deploy " + p.from()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    p.from(), null, "checkout", "", AnnotationKind.DEPLOY, "checkout 7.3.0", ""));
            out.add(new Annotation(UUID.nameUUIDFromBytes(("incident " + p.from()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    p.from().plusSeconds(300), p.to(), "checkout", "", AnnotationKind.INCIDENT,
                    "checkout payments failing after the 7.3.0 deploy", ""));
        }
        return out;
    }

    @PreDestroy
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }
}
