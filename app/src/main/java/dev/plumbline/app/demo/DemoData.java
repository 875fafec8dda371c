package dev.plumbline.app.demo;

import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import dev.plumbline.sql.customer.Customer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A believable demo catalog and customer base, the same for the same seed: about 15 services with objectives and 200
 * customers whose ARR is log-normal per segment (a few large accounts carry most of the revenue).
 */
public final class DemoData {

    /** name, display name, owner team, tier, effort weeks, availability target, latency threshold ms, latency target, window days (0: calendar month). */
    private record ServiceSpec(String name, String display, String team, String tier, double effort,
                               double availability, double thresholdMs, double latencyTarget, int window) {
    }

    private static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("api-gateway", "API Gateway", "edge", "tier-1", 2, 0.9995, 300, 0.99, 30),
            new ServiceSpec("auth", "Authentication", "identity", "tier-1", 3, 0.9995, 250, 0.99, 30),
            new ServiceSpec("search", "Search", "discovery", "tier-1", 4, 0.999, 800, 0.95, 28),
            new ServiceSpec("catalog", "Catalog", "discovery", "tier-2", 2, 0.999, 500, 0.95, 28),
            new ServiceSpec("checkout", "Checkout", "commerce", "tier-1", 3, 0.9995, 1000, 0.99, 30),
            new ServiceSpec("payments", "Payments", "commerce", "tier-1", 5, 0.9999, 1200, 0.99, 30),
            new ServiceSpec("billing", "Billing", "finance-eng", "tier-2", 2, 0.999, 2000, 0.95, 0),
            new ServiceSpec("notifications", "Notifications", "messaging", "tier-3", 1, 0.995, 3000, 0.9, 0),
            new ServiceSpec("reporting", "Reporting", "insights", "tier-2", 3, 0.995, 5000, 0.9, 0),
            new ServiceSpec("export", "Data Export", "insights", "tier-3", 1.5, 0.99, 30000, 0.9, 0),
            new ServiceSpec("ingest", "Event Ingest", "data-platform", "tier-1", 4, 0.9995, 200, 0.99, 30),
            new ServiceSpec("storage", "Object Storage", "data-platform", "tier-1", 6, 0.9999, 400, 0.99, 30),
            new ServiceSpec("analytics", "Analytics Queries", "insights", "tier-2", 5, 0.999, 2500, 0.95, 28),
            new ServiceSpec("recommendations", "Recommendations", "discovery", "tier-3", 2, 0.995, 600, 0.9, 28),
            new ServiceSpec("admin-console", "Admin Console", "platform-ui", "tier-3", 1, 0.995, 1500, 0.9, 0));

    private static final String[] FIRST = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark",
        "Wayne", "Tyrell", "Soylent", "Cyberdyne", "Wonka", "Gringotts", "Oceanic", "Monarch", "Nakatomi", "Aperture",
        "Massive", "Pied Piper", "Duff", "Octan", "Virtucon", "Dunder", "Bluth", "Sterling"};
    private static final String[] SECOND = {"Analytics", "Logistics", "Health", "Retail", "Media", "Labs",
        "Capital", "Foods", "Energy", "Robotics", "Travel", "Insurance", "Bank", "Games"};
    private static final String[] REGIONS = {"us-east", "us-west", "eu-west", "eu-central", "ap-southeast"};

    private DemoData() {
    }

    public static List<Service> services() {
        return SERVICES.stream().map(s -> new Service(s.name(), s.display(),
                s.display() + " for every customer request that needs it", s.team(), s.tier(), s.effort())).toList();
    }

    public static List<Objective> objectives() {
        List<Objective> out = new ArrayList<>();
        for (ServiceSpec s : SERVICES) {
            ObjectiveWindow window = s.window() == 0 ? ObjectiveWindow.CALENDAR_MONTH : ObjectiveWindow.rolling(s.window());
            out.add(new Objective(s.name(), "availability", Indicator.AVAILABILITY, s.availability(), null, window));
            out.add(new Objective(s.name(), "latency", Indicator.LATENCY, s.latencyTarget(), s.thresholdMs(), window));
        }
        return out;
    }

    /**
     * {@code count} customers, effective from {@code since}, renewing within the year after {@code today}.
     */
    public static List<Customer> customers(long seed, int count, LocalDate since, LocalDate today) {
        Random random = new Random(seed);
        List<Customer> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            double roll = random.nextDouble();
            String segment = roll < 0.1 ? "enterprise" : roll < 0.4 ? "mid-market" : "smb";
            double medianArr = switch (segment) {
                case "enterprise" -> 400_000;
                case "mid-market" -> 60_000;
                default -> 8_000;
            };
            double arr = medianArr * Math.exp(0.8 * random.nextGaussian());
            int seats = (int) Math.max(3, Math.round(arr / (segment.equals("smb") ? 400 : 900) * (0.7 + 0.6 * random.nextDouble())));
            String plan = switch (segment) {
                case "enterprise" -> "enterprise";
                case "mid-market" -> random.nextDouble() < 0.6 ? "premium" : "growth";
                default -> random.nextDouble() < 0.7 ? "starter" : "growth";
            };
            double currencyRoll = random.nextDouble();
            String currency = currencyRoll < 0.75 ? "USD" : currencyRoll < 0.9 ? "EUR" : "GBP";
            String name = FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)];
            double dataVolumeGb = Math.round(seats * 2.5 * Math.exp(random.nextGaussian()) * 10) / 10.0;
            out.add(new Customer(String.format("cus-%04d", i), name + " #" + i, segment,
                    REGIONS[random.nextInt(REGIONS.length)], plan,
                    BigDecimal.valueOf(arr).setScale(2, RoundingMode.HALF_UP), currency, seats,
                    (int) Math.round(seats * (0.4 + 0.5 * random.nextDouble())),
                    today.plusDays(1 + random.nextInt(365)), dataVolumeGb, since));
        }
        return out;
    }
}
