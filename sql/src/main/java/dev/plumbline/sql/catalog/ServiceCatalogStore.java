package dev.plumbline.sql.catalog;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the service catalog: services and their objectives. */
public final class ServiceCatalogStore {

    private static final NamedQuery INSERT_SERVICES = NamedQuery.load(ServiceCatalogStore.class, "insert_services.sql");
    private static final NamedQuery INSERT_OBJECTIVES = NamedQuery.load(ServiceCatalogStore.class, "insert_objectives.sql");
    private static final NamedQuery COUNT_SERVICES = NamedQuery.load(ServiceCatalogStore.class, "count_services.sql");
    private static final NamedQuery LIST_SERVICES = NamedQuery.load(ServiceCatalogStore.class, "list_services.sql");
    private static final NamedQuery FIND_SERVICE = NamedQuery.load(ServiceCatalogStore.class, "find_service.sql");
    private static final NamedQuery LIST_OBJECTIVES = NamedQuery.load(ServiceCatalogStore.class, "list_objectives_for_services.sql");

    private static final NamedQuery LATENCY_THRESHOLDS = NamedQuery.load(ServiceCatalogStore.class, "latency_thresholds.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public ServiceCatalogStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /**
     * Inserts or replaces services and objectives (by service name, and by service and objective name). Every
     * objective must belong to a service that is in {@code services}; nothing is written otherwise.
     */
    public void upsert(List<Service> services, List<Objective> objectives) {
        var names = services.stream().map(Service::name).toList();
        for (Objective o : objectives) {
            if (!names.contains(o.service())) {
                throw new IllegalArgumentException("objective " + o.service() + "/" + o.name()
                        + " belongs to a service that is not in this upsert");
            }
        }
        write(services, objectives, false);
    }

    /** Every latency objective's threshold in seconds, once each, ascending. */
    public List<Double> latencyThresholdsSeconds() {
        return clickHouse.query(LATENCY_THRESHOLDS, row -> row.getDouble("seconds"));
    }

    /** Deletes services and objectives (by name; the other fields are ignored). */
    public void remove(List<Service> services, List<Objective> objectives) {
        write(services, objectives, true);
    }

    private void write(List<Service> services, List<Objective> objectives, boolean deleted) {
        var now = RowVersions.next(clock);
        clickHouse.insert(INSERT_SERVICES, services, (v, c) -> {
            c.set("name", v.name());
            c.set("display_name", v.displayName());
            c.set("description", v.description());
            c.set("owner_team", v.ownerTeam());
            c.set("tier", v.tier());
            c.set("effort_weeks", v.effortWeeks());
            c.set("runbook_url", v.runbookUrl());
            c.set("updated_at", now);
            c.set("is_deleted", deleted ? 1 : 0);
        });
        clickHouse.insert(INSERT_OBJECTIVES, objectives, (o, c) -> {
            c.set("service", o.service());
            c.set("name", o.name());
            c.set("indicator", o.indicator().sqlValue());
            c.set("target", o.target());
            c.set("latency_threshold_ms", o.latencyThresholdMs());
            c.set("window_kind", o.window().sqlKind());
            c.set("window_days", o.window().days());
            c.set("budgeting_method", o.budgeting().method().sqlValue());
            c.set("time_slice_minutes", o.budgeting().sliceMinutes());
            c.set("time_slice_target", o.budgeting().sliceTarget());
            c.set("updated_at", now);
            c.set("is_deleted", deleted ? 1 : 0);
        });
    }

    public long countServices() {
        return clickHouse.queryOne(COUNT_SERVICES, Params.NONE, row -> row.getLong("services")).orElse(0L);
    }

    /** A page of services ordered by name, each with its objectives. */
    public List<CatalogEntry> page(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        List<Service> services = clickHouse.query(LIST_SERVICES, Params.of("limit", limit).and("offset", offset), ServiceCatalogStore::service);
        if (services.isEmpty()) {
            return List.of();
        }
        Map<String, List<Objective>> byService = new LinkedHashMap<>();
        services.forEach(s -> byService.put(s.name(), new ArrayList<>()));
        for (Objective o : clickHouse.query(LIST_OBJECTIVES,
                Params.of("services", services.stream().map(Service::name).toList()), ServiceCatalogStore::objective)) {
            byService.get(o.service()).add(o);
        }
        return services.stream().map(s -> new CatalogEntry(s, byService.get(s.name()))).toList();
    }

    /** One service with its objectives, if the catalog has it. */
    public java.util.Optional<CatalogEntry> find(String name) {
        return clickHouse.queryOne(FIND_SERVICE, Params.of("name", name), ServiceCatalogStore::service)
                .map(s -> new CatalogEntry(s, clickHouse.query(LIST_OBJECTIVES, Params.of("services", List.of(s.name())),
                        ServiceCatalogStore::objective)));
    }

    /** Every service with its objectives. */
    public List<CatalogEntry> all() {
        return page(0, Integer.MAX_VALUE);
    }

    private static Service service(Row row) {
        return new Service(row.getString("name"), row.getString("display_name"), row.getString("description"),
                row.getString("owner_team"), row.getString("tier"), row.getDouble("effort_weeks"),
                row.getString("runbook_url"));
    }

    private static Objective objective(Row row) {
        Double thresholdOrNull = row.getDoubleOrNull("latency_threshold_ms");
        ObjectiveWindow window = ObjectiveWindow.fromSql(row.getString("window_kind"), (int) row.getLong("window_days"));
        Budgeting budgeting = new Budgeting(Budgeting.Method.fromSql(row.getString("budgeting_method")),
                (int) row.getLong("time_slice_minutes"), row.getDoubleOrNull("time_slice_target"));
        return new Objective(row.getString("service"), row.getString("name"),
                Indicator.fromSql(row.getString("indicator")), row.getDouble("target"), thresholdOrNull, window,
                budgeting);
    }
}
