package dev.plumbline.sql.customer;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Reads and writes customers. Reads give each customer's row in effect on a date. */
public final class CustomerStore {

    private static final NamedQuery INSERT = NamedQuery.load(CustomerStore.class, "insert_customers.sql");
    private static final NamedQuery COUNT = NamedQuery.load(CustomerStore.class, "count_customers.sql");
    private static final NamedQuery LIST = NamedQuery.load(CustomerStore.class, "list_customers_as_of.sql");
    private static final NamedQuery SEARCH = NamedQuery.load(CustomerStore.class, "search_customers.sql");
    private static final NamedQuery ALL_ROWS = NamedQuery.load(CustomerStore.class, "list_all_customer_rows.sql");
    private static final NamedQuery HISTORY = NamedQuery.load(CustomerStore.class, "customer_history.sql");
    private static final NamedQuery FIND = NamedQuery.load(CustomerStore.class, "find_customer_as_of.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public CustomerStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Inserts or replaces customers by (id, effective date), as one batch. */
    public void upsert(List<Customer> customers) {
        var now = RowVersions.next(clock);
        clickHouse.insert(INSERT, customers, (c, col) -> {
            col.set("id", c.id());
            col.set("name", c.name());
            col.set("segment", c.segment());
            col.set("region", c.region());
            col.set("plan", c.plan());
            col.set("arr", c.arr());
            col.set("currency", c.currency());
            col.set("seats", c.seats() == null ? null : (long) c.seats());
            col.set("active_users", c.activeUsers() == null ? null : (long) c.activeUsers());
            col.set("renewal_date", c.renewalDate());
            col.set("data_volume_gb", c.dataVolumeGb() == null ? 0.0 : c.dataVolumeGb());   // the views band 0 (0011)
            col.set("data_volume_known", c.dataVolumeGb() != null);
            col.set("effective_from", c.effectiveFrom());
            col.set("updated_at", now);
        });
    }

    /** The number of distinct customers known on {@code asOf}. */
    public long count(LocalDate asOf) {
        return clickHouse.queryOne(COUNT, Params.of("as_of", asOf), row -> row.getLong("customers")).orElse(0L);
    }

    /** A page of customers as they were on {@code asOf}, by id. */
    public List<Customer> page(LocalDate asOf, int offset, int limit) {
        return clickHouse.query(LIST, Params.of("as_of", asOf).and("limit", limit).and("offset", offset), CustomerStore::customer);
    }

    /** Customers in effect on {@code asOf} whose name or id contains {@code text} (any case), best matches first. */
    public List<Customer> search(LocalDate asOf, String text, int limit) {
        String t = text == null ? "" : text.strip();
        return clickHouse.query(SEARCH, Params.of("as_of", asOf).and("text", t).and("limit", limit), CustomerStore::customer);
    }

    /** Every row of every customer (the whole history), by id and effective date. */
    public List<Customer> allRows() {
        return clickHouse.query(ALL_ROWS, CustomerStore::customer);
    }

    /** One customer's rows, oldest first (how ARR, seats and the rest changed). */
    public List<Customer> history(String id) {
        return clickHouse.query(HISTORY, Params.of("id", id), CustomerStore::customer);
    }

    /** The customer with exactly this id as it was on {@code asOf} (its newest row in effect then), if any. */
    public java.util.Optional<Customer> find(String id, LocalDate asOf) {
        return clickHouse.queryOne(FIND, Params.of("as_of", asOf).and("id", id), CustomerStore::customer);
    }

    private static Customer customer(Row row) {
        return new Customer(row.getString("id"), row.getString("name"), row.getString("segment"),
                row.getString("region"), row.getString("plan"), row.getBigDecimal("arr"), row.getString("currency"),
                count(row, "seats"), count(row, "active_users"), row.getLocalDate("renewal_date"),
                row.getBoolean("data_volume_known") ? row.getDouble("data_volume_gb") : null,
                row.getLocalDate("effective_from"));
    }

    /** A Nullable(UInt32) column: null when unknown. */
    private static Integer count(Row row, String column) {
        return row.isNull(column) ? null : Math.toIntExact(row.getLong(column));
    }
}
