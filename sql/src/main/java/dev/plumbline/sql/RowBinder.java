package dev.plumbline.sql;

/** Gives the columns of one row of an insert their values, by name: {@code (row, c) -> c.set("service", row.service())}. */
@FunctionalInterface
public interface RowBinder<T> {

    void bind(T row, Columns columns);

    /** The columns of the row being written. */
    interface Columns {
        /** Sets a column the insert file lists; a column it does not list is an error naming it. */
        void set(String column, Object value);
    }
}
