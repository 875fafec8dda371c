package dev.plumbline.sql.catalog;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    /** Deletes services and objectives (by name; the other fields are ignored). */
    public void remove(List<Service> services, List<Objective> objectives) {
        write(services, objectives, true);
    }

    private void write(List<Service> services, List<Objective> objectives, boolean deleted) {
        var now = clock.instant();
        clickHouse.insert(INSERT_SERVICES, services, (s, v) -> {
            s.setString(1, v.name());
            s.setString(2, v.displayName());
            s.setString(3, v.description());
            s.setString(4, v.ownerTeam());
            s.setString(5, v.tier());
            s.setDouble(6, v.effortWeeks());
            s.setObject(7, now);
            s.setInt(8, deleted ? 1 : 0);
        });
        clickHouse.insert(INSERT_OBJECTIVES, objectives, (s, o) -> {
            s.setString(1, o.service());
            s.setString(2, o.name());
            s.setString(3, o.indicator().sqlValue());
            s.setDouble(4, o.target());
            if (o.latencyThresholdMs() == null) {
                s.setNull(5, Types.DOUBLE);
            } else {
                s.setDouble(5, o.latencyThresholdMs());
            }
            s.setString(6, o.window().sqlKind());
            s.setInt(7, o.window().days());
            s.setString(8, o.budgeting().method().sqlValue());
            s.setInt(9, o.budgeting().sliceMinutes());
            if (o.budgeting().sliceTarget() == null) {
                s.setNull(10, Types.DOUBLE);
            } else {
                s.setDouble(10, o.budgeting().sliceTarget());
            }
            s.setObject(11, now);
            s.setInt(12, deleted ? 1 : 0);
        });
    }

    public long countServices() {
        return clickHouse.queryOne(COUNT_SERVICES, row -> row.getLong(1)).orElse(0L);
    }

    /** A page of services ordered by name, each with its objectives. */
    public List<CatalogEntry> page(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        List<Service> services = clickHouse.query(LIST_SERVICES, ServiceCatalogStore::service, limit, offset);
        if (services.isEmpty()) {
            return List.of();
        }
        Map<String, List<Objective>> byService = new LinkedHashMap<>();
        services.forEach(s -> byService.put(s.name(), new ArrayList<>()));
        for (Objective o : clickHouse.query(LIST_OBJECTIVES, ServiceCatalogStore::objective,
                services.stream().map(Service::name).toList())) {
            byService.get(o.service()).add(o);
        }
        return services.stream().map(s -> new CatalogEntry(s, byService.get(s.name()))).toList();
    }

    /** One service with its objectives, if the catalog has it. */
    public java.util.Optional<CatalogEntry> find(String name) {
        return clickHouse.queryOne(FIND_SERVICE, ServiceCatalogStore::service, name)
                .map(s -> new CatalogEntry(s, clickHouse.query(LIST_OBJECTIVES, ServiceCatalogStore::objective,
                        List.of(s.name()))));
    }

    /** Every service with its objectives. */
    public List<CatalogEntry> all() {
        return page(0, Integer.MAX_VALUE);
    }

    private static Service service(ResultSet row) throws SQLException {
        return new Service(row.getString("name"), row.getString("display_name"), row.getString("description"),
                row.getString("owner_team"), row.getString("tier"), row.getDouble("effort_weeks"));
    }

    private static Objective objective(ResultSet row) throws SQLException {
        double threshold = row.getDouble("latency_threshold_ms");
        Double thresholdOrNull = row.wasNull() ? null : threshold;
        ObjectiveWindow window = ObjectiveWindow.fromSql(row.getString("window_kind"), row.getInt("window_days"));
        double sliceTarget = row.getDouble("time_slice_target");
        Double sliceTargetOrNull = row.wasNull() ? null : sliceTarget;
        Budgeting budgeting = new Budgeting(Budgeting.Method.fromSql(row.getString("budgeting_method")),
                row.getInt("time_slice_minutes"), sliceTargetOrNull);
        return new Objective(row.getString("service"), row.getString("name"),
                Indicator.fromSql(row.getString("indicator")), row.getDouble("target"), thresholdOrNull, window,
                budgeting);
    }
}
