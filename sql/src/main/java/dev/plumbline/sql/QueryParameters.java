package dev.plumbline.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a parameter's value as ClickHouse's HTTP interface reads query parameters: the text form of the declared
 * type, in the escaped format (backslash escapes; no quotes around a top-level value; array elements quoted). The
 * server parses it as that type, so a value can never change the statement.
 */
public final class QueryParameters {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern WRAPPER = Pattern.compile("(Nullable|LowCardinality|Array)\\((.*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");
    private static final Pattern DATETIME64 = Pattern.compile("DateTime64\\((\\d)\\s*(,.*)?\\)");

    private QueryParameters() {
    }

    /**
     * {@code value} as the text of {@code type} (e.g. {@code DateTime('UTC')}, {@code Array(String)},
     * {@code Nullable(Date)}).
     *
     * @throws IllegalArgumentException naming the parameter when the value does not fit the type
     */
    public static String format(String name, String type, Object value) {
        return write(name, type.strip(), value, false);
    }

    private static String write(String name, String type, Object value, boolean quoted) {
        Matcher wrapper = WRAPPER.matcher(type);
        if (wrapper.matches()) {
            String inner = wrapper.group(2).strip();
            switch (wrapper.group(1)) {
                case "Nullable":
                    return value == null ? (quoted ? "NULL" : "\\N") : write(name, inner, value, quoted);
                case "LowCardinality":
                    return write(name, inner, value, quoted);
                default:
                    List<String> out = new ArrayList<>();
                    for (Object element : elements(name, type, value)) {
                        out.add(write(name, inner, element, true));
                    }
                    return "[" + String.join(",", out) + "]";
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("parameter " + name + ": null for " + type + " (declare it Nullable)");
        }
        String text = scalar(name, type, value);
        if (isNumeric(type) || type.equals("Bool")) {
            return text;
        }
        return quoted ? "'" + escape(text, true) + "'" : escape(text, false);
    }

    private static String scalar(String name, String type, Object value) {
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
        return switch (base) {
            case "String", "FixedString", "UUID", "Enum8", "Enum16" -> value.toString();
            case "Identifier" -> {   // a database, table or column name: only a plain name, never text to parse
                if (!(value instanceof String s) || !IDENTIFIER.matcher(s).matches()) {
                    throw new IllegalArgumentException("parameter " + name + ": '" + value
                            + "' is not a plain ClickHouse name (a letter or _, then letters, digits or _)");
                }
                yield s;
            }
            case "Bool" -> {
                if (!(value instanceof Boolean b)) {
                    throw mismatch(name, type, value);
                }
                yield b.toString();
            }
            case "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64" -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short
                        || value instanceof Byte || value instanceof BigInteger)) {
                    throw mismatch(name, type, value);
                }
                yield value.toString();
            }
            case "Float32", "Float64" -> {
                if (!(value instanceof Number n)) {
                    throw mismatch(name, type, value);
                }
                double d = n.doubleValue();
                yield Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
            }
            case "Decimal", "Decimal32", "Decimal64", "Decimal128" -> {
                if (value instanceof BigDecimal b) {
                    yield b.toPlainString();
                }
                if (value instanceof Integer || value instanceof Long) {
                    yield value.toString();
                }
                throw mismatch(name, type, value);
            }
            case "Date", "Date32" -> {
                if (!(value instanceof LocalDate d)) {
                    throw mismatch(name, type, value);
                }
                yield d.toString();
            }
            case "DateTime" -> {
                if (!(value instanceof Instant t)) {
                    throw mismatch(name, type, value);
                }
                if (t.getNano() != 0) {
                    throw new IllegalArgumentException("parameter " + name + ": " + type
                            + " holds whole seconds, was " + t);
                }
                yield SECONDS.format(t);
            }
            case "DateTime64" -> {
                if (!(value instanceof Instant t)) {
                    throw mismatch(name, type, value);
                }
                Matcher m = DATETIME64.matcher(type);
                int precision = m.matches() ? Integer.parseInt(m.group(1)) : 3;
                String nanos = String.format(Locale.ROOT, "%09d", t.getNano());
                yield SECONDS.format(t) + (precision == 0 ? "" : "." + nanos.substring(0, precision));
            }
            default -> throw new IllegalArgumentException("parameter " + name + ": type " + type
                    + " is not one Plumbline binds");
        };
    }

    private static boolean isNumeric(String type) {
        return type.matches("U?Int\\d+|Float\\d+|Decimal\\d*(\\(.*\\))?");
    }

    private static Collection<?> elements(String name, String type, Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof double[] d) {
            return Arrays.stream(d).boxed().toList();
        }
        if (value instanceof long[] l) {
            return Arrays.stream(l).boxed().toList();
        }
        if (value instanceof int[] i) {
            return Arrays.stream(i).boxed().toList();
        }
        if (value instanceof Object[] o) {
            return Arrays.asList(o);
        }
        throw mismatch(name, type, value);
    }

    /** Backslash escapes of the escaped and quoted formats; {@code quoted} also escapes the quote. */
    static String escape(String text, boolean quoted) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                case '\'' -> out.append(quoted ? "\\'" : "'");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException mismatch(String name, String type, Object value) {
        return new IllegalArgumentException("parameter " + name + ": a " + value.getClass().getSimpleName()
                + " cannot be bound as " + type);
    }
}
