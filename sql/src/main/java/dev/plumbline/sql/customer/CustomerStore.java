package dev.plumbline.sql.customer;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    private final ClickHouse clickHouse;
    private final Clock clock;

    public CustomerStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Inserts or replaces customers by (id, effective date), as one batch. */
    public void upsert(List<Customer> customers) {
        var now = clock.instant();
        clickHouse.insert(INSERT, customers, (s, c) -> {
            s.setString(1, c.id());
            s.setString(2, c.name());
            s.setString(3, c.segment());
            s.setString(4, c.region());
            s.setString(5, c.plan());
            s.setBigDecimal(6, c.arr());
            s.setString(7, c.currency());
            setCount(s, 8, c.seats());
            setCount(s, 9, c.activeUsers());
            if (c.renewalDate() == null) {
                s.setNull(10, Types.DATE);
            } else {
                s.setObject(10, c.renewalDate());
            }
            s.setDouble(11, c.dataVolumeGb() == null ? 0 : c.dataVolumeGb());   // the views band 0 (0011)
            s.setBoolean(12, c.dataVolumeGb() != null);
            s.setObject(13, c.effectiveFrom());
            s.setObject(14, now);
        });
    }

    private static void setCount(java.sql.PreparedStatement s, int index, Integer count) throws SQLException {
        if (count == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, count);
        }
    }

    /** The number of distinct customers known on {@code asOf}. */
    public long count(LocalDate asOf) {
        return clickHouse.queryOne(COUNT, row -> row.getLong(1), asOf).orElse(0L);
    }

    /** A page of customers as they were on {@code asOf}, by id. */
    public List<Customer> page(LocalDate asOf, int offset, int limit) {
        return clickHouse.query(LIST, CustomerStore::customer, asOf, limit, offset);
    }

    /** Customers in effect on {@code asOf} whose name or id contains {@code text} (any case), best matches first. */
    public List<Customer> search(LocalDate asOf, String text, int limit) {
        String t = text == null ? "" : text.strip();
        return clickHouse.query(SEARCH, CustomerStore::customer, asOf, t, t, t, t, limit);
    }

    /** Every row of every customer (the whole history), by id and effective date. */
    public List<Customer> allRows() {
        return clickHouse.query(ALL_ROWS, CustomerStore::customer);
    }

    /** One customer's rows, oldest first (how ARR, seats and the rest changed). */
    public List<Customer> history(String id) {
        return clickHouse.query(HISTORY, CustomerStore::customer, id);
    }

    /** The customer with exactly this id as it was on {@code asOf} (its newest row in effect then), if any. */
    public java.util.Optional<Customer> find(String id, LocalDate asOf) {
        return history(id).stream().filter(c -> !c.effectiveFrom().isAfter(asOf)).reduce((older, newer) -> newer);
    }

    private static Customer customer(ResultSet row) throws SQLException {
        Date renewal = row.getDate("renewal_date");
        return new Customer(row.getString("id"), row.getString("name"), row.getString("segment"),
                row.getString("region"), row.getString("plan"), row.getBigDecimal("arr"), row.getString("currency"),
                count(row, "seats"), count(row, "active_users"), renewal == null ? null : renewal.toLocalDate(),
                row.getBoolean("data_volume_known") ? row.getDouble("data_volume_gb") : null,
                row.getObject("effective_from", LocalDate.class));
    }

    /** A Nullable(UInt32) column: null when unknown. */
    private static Integer count(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : Math.toIntExact(value);
    }
}
