package dev.plumbline.sql.catalog;

/** What an objective measures. */
public enum Indicator {
    /** Share of requests that did not fail. */
    AVAILABILITY,
    /** Share of requests that completed within the latency threshold. */
    LATENCY;

    /** The value stored in ClickHouse's Enum8 column. */
    public String sqlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Indicator fromSql(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
