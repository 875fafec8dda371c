package dev.plumbline.sql.explore;

import dev.plumbline.sql.psr.ExploreGroup;
import dev.plumbline.sql.psr.Figures;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A figure the Explore page can show for any group of slices, each the one of the definitions catalog named by
 * {@link #definition()} (what it means, its SQL and its test are found there). Only figures that add up or merge over
 * any group are here: objectives, burn rates and ROI belong to one service.
 */
public enum ExploreFigure {
    REQUESTS("requests", "Requests", "requests", Unit.COUNT, false, g -> g.figures().requests()),
    ERRORS("errors", "Errors", "errors", Unit.COUNT, false, g -> g.figures().errors()),
    ERROR_RATE("error-rate", "Error rate", "error-rate", Unit.SHARE, false, g -> rate(g.figures())),
    AVAILABILITY("availability", "Availability", "availability", Unit.SHARE, true,
            g -> g.figures().requests() > 0 ? g.figures().availability() : null),
    P50("p50", "p50 latency", "p50", Unit.SECONDS, false, g -> g.figures().p50Seconds()),
    P95("p95", "p95 latency", "p95", Unit.SECONDS, false, g -> g.figures().p95Seconds()),
    P99("p99", "p99 latency", "p99", Unit.SECONDS, false, g -> g.figures().p99Seconds()),
    AVERAGE_RPS("average-rps", "Average throughput", "average-rps", Unit.REQUESTS_PER_SECOND, false,
            g -> g.figures().averageRps()),
    CUSTOMERS("customers", "Customers", "customers", Unit.COUNT, false, g -> (double) g.figures().customers()),
    CUSTOMERS_OUTSIDE("customers-outside", "Customers outside objectives", "customers", Unit.COUNT, false,
            g -> (double) g.customersOutside()),
    REVENUE_AT_RISK("revenue-at-risk", "Revenue at risk", "revenue-at-risk", Unit.MONEY, false,
            ExploreGroup::revenueAtRisk);

    /** How a figure's value reads: what the page and the CSV format it as. */
    public enum Unit {
        COUNT, SHARE, SECONDS, REQUESTS_PER_SECOND, MONEY
    }

    private final String id;
    private final String label;
    private final String definition;
    private final Unit unit;
    private final boolean lowestFirst;
    private final Function<ExploreGroup, Double> value;

    ExploreFigure(String id, String label, String definition, Unit unit, boolean lowestFirst,
                  Function<ExploreGroup, Double> value) {
        this.id = id;
        this.label = label;
        this.definition = definition;
        this.unit = unit;
        this.lowestFirst = lowestFirst;
        this.value = value;
    }

    /** The key in URLs and the API. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The id of its entry in the definitions catalog. */
    public String definition() {
        return definition;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether money: only for roles that see money (permission view-money). */
    public boolean money() {
        return unit == Unit.MONEY;
    }

    /**
     * Whether the worst groups have the lowest values (availability): the Explore table lists the worst first, so the
     * group that needs attention is on top.
     */
    public boolean lowestFirst() {
        return lowestFirst;
    }

    /** The group's value of this figure; null when it has none (no histogram to take a percentile from, say). */
    public Double of(ExploreGroup group) {
        return value.apply(group);
    }

    /** The figure {@code id} names (case-insensitive, surrounding spaces ignored). */
    public static Optional<ExploreFigure> of(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(key)).findFirst();
    }

    private static Double rate(Figures f) {
        return f.requests() > 0 ? f.errorRate() : null;
    }
}
