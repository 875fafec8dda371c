package dev.plumbline.sql.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The definitions catalog: every figure Plumbline shows, read once from {@value #RESOURCE} on the classpath. */
public final class Definitions {

    public static final String RESOURCE = "dev/plumbline/sql/definitions/definitions.yaml";

    private final Map<String, Definition> byId;

    private Definitions(Map<String, Definition> byId) {
        this.byId = byId;
    }

    /** The catalog shipped with Plumbline; a malformed file fails here naming the entry and key. */
    public static Definitions load() {
        try (InputStream in = Definitions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + ": not on the classpath");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static Definitions parse(InputStream in, String file) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> top) || !(top.get("definitions") instanceof List<?> entries)) {
            throw new IllegalStateException(file + ": expected a list under 'definitions'");
        }
        Map<String, Definition> byId = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ": definitions[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalStateException(where + ": expected a mapping");
            }
            Definition d = new Definition(text(entry, "id", where, true), text(entry, "name", where, true),
                    text(entry, "unit", where, true), text(entry, "formula", where, true), list(entry, "sql", where),
                    text(entry, "code", where, false), list(entry, "fields", where));
            if (byId.putIfAbsent(d.id(), d) != null) {
                throw new IllegalStateException(where + ".id: '" + d.id() + "' is defined twice");
            }
        }
        return new Definitions(byId);
    }

    public List<Definition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Definition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The definition with this id; a view or API asking for an undefined figure is a programming error. */
    public Definition get(String id) {
        Definition d = byId.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no definition with id '" + id + "'");
        }
        return d;
    }

    private static String text(Map<?, ?> entry, String key, String where, boolean required) {
        Object value = entry.get(key);
        if (value == null && !required) {
            return "";
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(where + "." + key + ": required text" + (value == null ? " is missing" : ", was " + value));
        }
        return s.strip();
    }

    private static List<String> list(Map<?, ?> entry, String key, String where) {
        Object value = entry.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalStateException(where + "." + key + ": expected a list, was " + value);
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw new IllegalStateException(where + "." + key + ": expected text items, was " + item);
            }
            out.add(s);
        }
        return out;
    }
}
