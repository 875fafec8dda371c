package dev.plumbline.sql;

import com.clickhouse.client.api.query.GenericRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a result, read by column name (or by 1-based position): the only view of the driver's rows the stores
 * get. Nullable columns read as {@code null} through the {@code ...OrNull} methods and the object-valued ones.
 */
public final class Row {

    private final GenericRecord record;

    Row(GenericRecord record) {
        this.record = record;
    }

    public boolean isNull(String column) {
        return !record.hasValue(column);
    }

    public String getString(String column) {
        return isNull(column) ? null : record.getString(column);
    }

    public String getString(int position) {
        return record.hasValue(position) ? record.getString(position) : null;
    }

    public long getLong(String column) {
        return record.getLong(column);
    }

    public long getLong(int position) {
        return record.getLong(position);
    }

    public int getInt(String column) {
        return record.getInteger(column);
    }

    public int getInt(int position) {
        return record.getInteger(position);
    }

    public boolean getBoolean(int position) {
        return record.getBoolean(position);
    }

    public double getDouble(String column) {
        return record.getDouble(column);
    }

    public double getDouble(int position) {
        return record.getDouble(position);
    }

    /** The value, or null for a NULL. */
    public Double getDoubleOrNull(String column) {
        return isNull(column) ? null : record.getDouble(column);
    }

    public boolean getBoolean(String column) {
        return record.getBoolean(column);
    }

    public BigDecimal getBigDecimal(String column) {
        return isNull(column) ? null : record.getBigDecimal(column);
    }

    public LocalDate getLocalDate(String column) {
        return isNull(column) ? null : record.getLocalDate(column);
    }

    public Instant getInstant(String column) {
        return isNull(column) ? null : record.getInstant(column);
    }

    public java.util.UUID getUUID(String column) {
        return isNull(column) ? null : record.getUUID(column);
    }

    /** An array of numbers (e.g. {@code Array(Float64)}), empty for an empty array. */
    public List<Double> getDoubles(String column) {
        List<Double> out = new ArrayList<>();
        for (Object v : record.getList(column)) {
            out.add(((Number) v).doubleValue());
        }
        return List.copyOf(out);
    }

    /** An {@code Array(Float64)} as it arrives, without boxing each element (for long arrays). */
    public double[] getDoubleArray(String column) {
        return record.getDoubleArray(column);
    }

    /** An array of strings (e.g. {@code Array(LowCardinality(String))}). */
    public List<String> getStrings(String column) {
        List<String> out = new ArrayList<>();
        for (Object v : record.getList(column)) {
            out.add(String.valueOf(v));
        }
        return List.copyOf(out);
    }
}
