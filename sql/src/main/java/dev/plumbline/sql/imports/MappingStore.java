package dev.plumbline.sql.imports;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import java.util.List;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Saved import mappings, as text, per kind of data and source. */
public final class MappingStore {

    private static final NamedQuery SAVE = NamedQuery.load(MappingStore.class, "save_mapping.sql");
    private static final NamedQuery FIND = NamedQuery.load(MappingStore.class, "find_mapping.sql");
    private static final NamedQuery LIST = NamedQuery.load(MappingStore.class, "list_mappings.sql");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public MappingStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** A source name: lower case letters, digits, '.', '_' and '-', e.g. {@code salesforce}. */
    public static String requireSource(String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source: '" + source + "' must be 1 to 64 lower case letters, digits, "
                    + "'.', '_' or '-', e.g. salesforce");
        }
        return source;
    }

    public void save(String kind, String source, String mapping) {
        String checked = requireSource(source);
        var version = RowVersions.next(clock);
        clickHouse.insert(SAVE, List.of(mapping), (m, c) -> {
            c.set("kind", kind);
            c.set("source", checked);
            c.set("mapping", m);
            c.set("updated_at", version);
        });
    }

    public Optional<String> find(String kind, String source) {
        return clickHouse.queryOne(FIND, Params.of("kind", kind).and("source", source), row -> row.getString("mapping"));
    }

    public Map<String, String> all(String kind) {
        Map<String, String> out = new LinkedHashMap<>();
        clickHouse.query(LIST, Params.of("kind", kind), row -> out.put(row.getString("source"), row.getString("mapping")));
        return out;
    }
}
