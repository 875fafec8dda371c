package dev.plumbline.sql.definitions;

import java.util.List;

/**
 * One figure Plumbline shows, defined once (see definitions.yaml next to this package's resources).
 *
 * @param id      stable key the UI and API use (tooltips, glossary anchors)
 * @param name    what a page calls it
 * @param unit    count, share, seconds, requests/s, reporting currency, x (a ratio), score (0-100), ...
 * @param formula how it is computed, in words
 * @param sql     the SQL files, relative to {@code dev/plumbline/sql/}, that compute it
 * @param code    the Java method ({@code Class.method} in {@code dev.plumbline.sql.psr}) that finishes it, or ""
 * @param fields  the API record fields ({@code Record.component}) that carry it
 */
public record Definition(String id, String name, String unit, String formula, List<String> sql, String code,
                         List<String> fields) {

    public Definition {
        sql = List.copyOf(sql);
        fields = List.copyOf(fields);
    }
}
