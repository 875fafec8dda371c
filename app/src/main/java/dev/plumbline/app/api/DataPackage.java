package dev.plumbline.app.api;

import dev.plumbline.sql.definitions.Definition;
import dev.plumbline.sql.definitions.Definitions;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A CSV export as a Frictionless (Tabular) Data Package: a zip holding {@code datapackage.json} and the CSV. Each
 * field has its Table Schema type (from the column's values), its unit (from the header, "p95 (ms)": ms) and a
 * description: the definitions catalog's, when the column is a defined figure, else what the column holds.
 * Every CSV endpoint gives it with {@code format=datapackage}.
 */
final class DataPackage {

    private static final Pattern UNIT = Pattern.compile("^(.*) \\(([^()]+)\\)$");

    private DataPackage() {
    }

    /** The CSV itself ({@code format} csv or absent), or its data package ({@code format=datapackage}). */
    static <T> HttpResponse<?> respond(String format, String name, String title, List<Csv.Column<T>> columns,
                                       List<T> rows, Definitions definitions, JsonMapper json, Instant created) {
        String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        String csv = Csv.write(columns, rows);
        return switch (f) {
            case "csv" -> Csv.attachment(csv, name + ".csv");
            case "datapackage" -> HttpResponse.ok(zip(name, title, csv, fields(columns, rows, definitions), json, created))
                    .contentType(MediaType.of("application/zip"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
            default -> throw new IllegalArgumentException("format: must be csv or datapackage, was '"
                    + (format.length() > 40 ? format.substring(0, 40) + "..." : format) + "'");
        };
    }

    /** The Table Schema fields of the columns, in their order. */
    static <T> List<Map<String, Object>> fields(List<Csv.Column<T>> columns, List<T> rows, Definitions definitions) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Csv.Column<T> c : columns) {
            Matcher m = UNIT.matcher(c.header());
            String base = m.matches() ? m.group(1) : c.header();
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", c.header());
            field.put("type", type(c, rows));
            if (m.matches()) {
                field.put("unit", m.group(2));
            }
            Definition d = defined(base, definitions);
            field.put("description", d != null ? d.name() + ": " + d.formula()
                    : "The column '" + c.header() + "' of the export, as the CSV has it.");
            if (d != null) {
                field.put("definition", "/api/v1/definitions/" + d.id());
            }
            fields.add(field);
        }
        return fields;
    }

    /** The definition a column's name (without its unit) names, whatever its case, or null. */
    static Definition defined(String base, Definitions definitions) {
        String b = base.strip().toLowerCase(Locale.ROOT);
        for (Definition d : definitions.all()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(b) || d.id().replace('-', ' ').equals(b)) {
                return d;
            }
        }
        return null;
    }

    /** Table Schema's type for the column's values: the first value it has decides; "string" without any. */
    private static <T> String type(Csv.Column<T> c, List<T> rows) {
        for (T row : rows) {
            Object v = c.value().apply(row);
            if (v == null || v instanceof Double d && !Double.isFinite(d)) {
                continue;
            }
            return switch (v) {
                case Integer i -> "integer";
                case Long l -> "integer";
                case Double d -> "number";
                case Float x -> "number";
                case BigDecimal b -> "number";
                case Boolean b -> "boolean";
                case LocalDate d -> "date";
                case Instant i -> "datetime";
                default -> "string";
            };
        }
        return "string";
    }

    private static byte[] zip(String name, String title, String csv, List<Map<String, Object>> fields, JsonMapper json,
                              Instant created) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        schema.put("missingValues", List.of(""));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("profile", "tabular-data-resource");
        resource.put("name", id);
        resource.put("path", name + ".csv");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("dialect", Map.of("delimiter", ",", "doubleQuote", true, "lineTerminator", "\n", "header", true));
        resource.put("schema", schema);
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("profile", "tabular-data-package");
        descriptor.put("name", "plumbline-" + id);
        descriptor.put("title", title);
        descriptor.put("created", created.toString());
        descriptor.put("resources", List.of(resource));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write(json.writeValueAsBytes(descriptor));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name + ".csv"));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
