package dev.plumbline.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one record to the {@code ?} parameters of an insert, in the order the statement lists its columns. */
@FunctionalInterface
public interface RowBinder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
}
