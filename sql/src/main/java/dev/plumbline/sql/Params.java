package dev.plumbline.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a statement's named parameters: {@code Params.of("from", from).and("to", to)}. The statement declares
 * each parameter's type ({@link NamedQuery#parameters()}); {@link ClickHouse} refuses a call that gives a name the
 * statement does not declare or leaves one out, so a renamed parameter fails in the first test that runs it.
 */
public final class Params {

    public static final Params NONE = new Params(Map.of());

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    public static Params of(String name, Object value) {
        return NONE.and(name, value);
    }

    /** These values and one more ({@code value} may be null, for a {@code Nullable} parameter). */
    public Params and(String name, Object value) {
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is given twice");
        }
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.put(name, value);
        return new Params(Collections.unmodifiableMap(out));
    }

    /** These values and all of {@code more}. */
    public Params and(Params more) {
        Params out = this;
        for (Map.Entry<String, Object> e : more.values.entrySet()) {
            out = out.and(e.getKey(), e.getValue());
        }
        return out;
    }

    public Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}
