package dev.plumbline.sql.telemetry;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import java.time.Instant;
import java.util.List;

/**
 * Which sources report a service, read from the hourly roll-up: what an export of its alert rules is written for
 * (the source's metric names) and the histogram's bucket bounds a latency threshold must be one of.
 */
public final class ReportingSources {

    private static final NamedQuery QUERY = NamedQuery.load(ReportingSources.class, "reporting_sources.sql");

    private final ClickHouse clickHouse;

    public ReportingSources(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * A source that reported the service.
     *
     * @param bounds the bucket bounds in seconds of its latest hour with one layout, the last +Inf; empty if none
     */
    public record Reporting(String source, Instant lastHour, List<Double> bounds) {

        public Reporting {
            bounds = List.copyOf(bounds);
        }
    }

    /** The sources that reported {@code service} in [since, until), the latest first. */
    public List<Reporting> of(String service, Instant since, Instant until) {
        return clickHouse.query(QUERY, Params.of("service", service).and("since", since).and("until", until),
                row -> new Reporting(row.getString("source"), row.getInstant("last_hour"), row.getDoubles("latency_le")));
    }
}
