package dev.plumbline.sql.psr;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.customer.Customer;
import dev.plumbline.sql.telemetry.TelemetryHour;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small platform with planted problems, generated as raw requests (each with a latency and an error flag), so a
 * test can compute the truth from the requests themselves and compare Plumbline's figures with it:
 * <ul>
 *   <li>search is slow only for "big" (the customer with the most data): 30% of its requests take 1-2.5 s;</li>
 *   <li>billing fails 2% of all requests on 2026-10-06 (a bad deploy);</li>
 *   <li>"eu-ops", in a degraded region, sees 1% of catalog requests fail;</li>
 *   <li>"ghost" sends traffic but has no customer record (no ARR), and billing fails 2% of its requests throughout;</li>
 *   <li>export has no objective; c8 sends nothing to export.</li>
 * </ul>
 */
public final class PlantedPlatform {

    public static final List<Double> LE = List.of(0.05, 0.1, 0.25, 0.5, 0.8, 1.0, 2.5, 5.0, Double.POSITIVE_INFINITY);
    public static final Instant START = Instant.parse("2026-10-04T00:00:00Z");
    public static final int HOURS = 5 * 24;
    public static final LocalDate TODAY = LocalDate.of(2026, 10, 8);
    /**
     * When tests of the pages and the API stand: six weeks after the planted days, so October 2026 is a closed month
     * that every month picker offers, whatever the machine's date ({@code plumbline.clock.start} of the app under test).
     */
    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** A clock standing at {@link #TODAY} noon: what the engine's tests call today (renewals count from it). */
    public static java.time.Clock clock() {
        return java.time.Clock.fixed(TODAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC);
    }

    public record Request(String service, String customer, Instant hour, double latency, boolean error) {
    }

    public static List<Service> services() {
        return List.of(new Service("search", "Search", "", "discovery", "tier-1", 2),
                new Service("billing", "Billing", "", "payments", "tier-1", 1),
                new Service("catalog", "Catalog", "", "discovery", "tier-2", 1),
                new Service("export", "Export", "", "insights", "tier-3", 1));
    }

    public static List<Objective> objectives() {
        return List.of(
                new Objective("search", "availability", Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(30)),
                new Objective("search", "latency", Indicator.LATENCY, 0.95, 800.0, ObjectiveWindow.rolling(30)),
                new Objective("billing", "availability", Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(28)),
                new Objective("catalog", "availability", Indicator.AVAILABILITY, 0.995, null, ObjectiveWindow.CALENDAR_MONTH),
                new Objective("catalog", "latency", Indicator.LATENCY, 0.99, 500.0, ObjectiveWindow.CALENDAR_MONTH));
    }

    public static List<Customer> customers() {
        List<Customer> out = new ArrayList<>();
        out.add(customer("big", "Big Corp", "enterprise", "us-east", "1200000.00", "USD", TODAY.plusDays(45), 50_000));
        out.add(customer("eu-ops", "EU Ops GmbH", "enterprise", "eu-central", "500000.00", "EUR", TODAY.plusDays(200), 800));
        for (int i = 1; i <= 8; i++) {
            out.add(customer("c" + i, "Customer " + i, i <= 3 ? "mid-market" : "smb", "us-west",
                    (20_000 * i) + ".00", "USD", TODAY.plusDays(20L * i), 10.0 * i));
        }
        return out;
    }

    private static Customer customer(String id, String name, String segment, String region, String arr, String currency,
                                     LocalDate renewal, double volume) {
        return new Customer(id, name, segment, region, "premium", new BigDecimal(arr), currency, 10, 5, renewal, volume,
                LocalDate.of(2026, 9, 1));
    }

    public static List<Request> requests() {
        Random random = new Random(7);
        List<Request> out = new ArrayList<>();
        List<String> customers = new ArrayList<>(customers().stream().map(Customer::id).toList());
        customers.add("ghost");
        for (int h = 0; h < HOURS; h++) {
            Instant hour = START.plus(h, ChronoUnit.HOURS);
            boolean badDeploy = hour.atOffset(java.time.ZoneOffset.UTC).toLocalDate().equals(LocalDate.of(2026, 10, 6));
            for (String customer : customers) {
                for (String service : List.of("search", "billing", "catalog", "export")) {
                    if (customer.equals("c8") && service.equals("export")) {
                        continue; // a slice with no traffic at all
                    }
                    int n = 5 + random.nextInt(customer.equals("big") ? 40 : 15);
                    for (int i = 0; i < n; i++) {
                        double latency = 0.02 + 0.3 * random.nextDouble() * random.nextDouble();
                        boolean error = random.nextDouble() < 0.00001;
                        if (service.equals("search") && customer.equals("big") && random.nextDouble() < 0.30) {
                            latency = 1.0 + 1.5 * random.nextDouble();
                        }
                        if (service.equals("billing") && (badDeploy || customer.equals("ghost")) && random.nextDouble() < 0.02) {
                            error = true;
                        }
                        if (service.equals("catalog") && customer.equals("eu-ops") && random.nextDouble() < 0.01) {
                            error = true;
                        }
                        out.add(new Request(service, customer, hour, latency, error));
                    }
                }
            }
        }
        return out;
    }

    /** The requests as the hourly roll-up a collector would write: counts per bucket (a request of exactly a bound falls in that bucket). */
    public static List<TelemetryHour> hours(List<Request> requests) {
        Map<String, double[]> buckets = new LinkedHashMap<>();
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (Request r : requests) {
            String key = r.service() + "|" + r.customer() + "|" + r.hour();
            double[] b = buckets.computeIfAbsent(key, k -> new double[LE.size()]);
            b[bucket(r.latency())]++;
            double[] t = totals.computeIfAbsent(key, k -> new double[2]);
            t[0]++;
            t[1] += r.error() ? 1 : 0;
        }
        List<TelemetryHour> out = new ArrayList<>();
        buckets.forEach((key, b) -> {
            String[] parts = key.split("\\|");
            double[] t = totals.get(key);
            out.add(new TelemetryHour(parts[0], parts[1], "prometheus", Instant.parse(parts[2]), t[0], t[1], LE,
                    java.util.Arrays.stream(b).boxed().toList(), true, 60));
        });
        return out;
    }

    public static int bucket(double latency) {
        for (int i = 0; i < LE.size(); i++) {
            if (latency <= LE.get(i)) {
                return i;
            }
        }
        return LE.size() - 1;
    }

    /** Writes the platform into a migrated database: catalog, customers, hourly and daily roll-ups. */
    public static void seed(dev.plumbline.sql.ClickHouse clickHouse, java.time.Clock clock) {
        new dev.plumbline.sql.catalog.ServiceCatalogStore(clickHouse, clock).upsert(services(), objectives());
        new dev.plumbline.sql.customer.CustomerStore(clickHouse, clock).upsert(customers());
        dev.plumbline.sql.telemetry.RollupStore rollups = new dev.plumbline.sql.telemetry.RollupStore(clickHouse, clock);
        rollups.insertHours(hours(requests()));
        rollups.rollUpDays(START, START.plus(HOURS, ChronoUnit.HOURS));
        recordFullCoverage(rollups);
    }

    /** Every minute of the planted hours was collected (by the source "prometheus"). */
    public static void recordFullCoverage(dev.plumbline.sql.telemetry.RollupStore rollups) {
        List<Instant> hours = new ArrayList<>();
        for (int h = 0; h < HOURS; h++) {
            hours.add(START.plus(h, ChronoUnit.HOURS));
        }
        rollups.recordCoverage("prometheus", hours, hours.stream().map(h -> 60).toList());
    }
}
