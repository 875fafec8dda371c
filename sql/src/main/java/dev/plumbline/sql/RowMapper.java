package dev.plumbline.sql;

/** Maps one row of a result to a record. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);
}
