package dev.plumbline.collectors.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a parsed YAML document with its path, so that every complaint can say where it is. Accessors throw
 * {@link Invalid} naming the path of the offending value.
 */
record YamlNode(Object value, String path) {

    /** A value that does not fit; carries the path. */
    static final class Invalid extends RuntimeException {
        final String path;

        Invalid(String path, String reason) {
            super(reason);
            this.path = path;
        }
    }

    YamlNode get(String key) {
        return new YamlNode(asMap().get(key), path + "." + key);
    }

    boolean has(String key) {
        return asMap().get(key) != null;
    }

    Map<?, ?> asMap() {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new Invalid(path, value == null ? "missing (a mapping is required)" : "must be a mapping, was " + describe());
    }

    List<YamlNode> asList() {
        if (!(value instanceof List<?> list)) {
            throw new Invalid(path, value == null ? "missing (a list is required)" : "must be a list, was " + describe());
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new YamlNode(list.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    String asText() {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new Invalid(path, value == null ? "missing" : "must be text, was " + describe());
    }

    Optional<String> optionalText() {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw new Invalid(path, "must be text, was " + describe());
    }

    BigDecimal asNumber() {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new Invalid(path, "must be a number, was '" + s + "'");
            }
        }
        throw new Invalid(path, value == null ? "missing (a number is required)" : "must be a number, was " + describe());
    }

    boolean asBoolean(boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new Invalid(path, "must be true or false, was " + describe());
    }

    private String describe() {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
