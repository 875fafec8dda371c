package dev.plumbline.sql;

import java.time.Duration;

/** Told about every statement the store runs; the application turns this into self-metrics. */
@FunctionalInterface
public interface QueryListener {

    QueryListener NONE = (query, took, rows, failure) -> { };

    /**
     * @param query   the statement's short name
     * @param took    wall time including fetching the result
     * @param rows    rows returned or written (0 when unknown)
     * @param failure the error, or {@code null}
     */
    void onQuery(String query, Duration took, long rows, StoreException failure);
}
