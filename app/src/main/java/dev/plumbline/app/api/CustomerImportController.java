package dev.plumbline.app.api;

import dev.plumbline.collectors.customers.ColumnMapping;
import dev.plumbline.collectors.customers.CustomerField;
import dev.plumbline.collectors.customers.CustomerImporter;
import dev.plumbline.collectors.customers.ParsedCustomers;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.imports.MappingStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer imports, all or nothing: a CSV export (with a source whose column mapping is saved) or JSON. With
 * {@code dryRun=true} nothing is written and the answer is the preview with every problem. A refused import answers
 * 422 with every problem (row, column, reason) and writes nothing.
 */
@Controller("/api/v1/customers")
@Secured(Permission.IMPORT)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomerImportController {

    private final CustomerImporter importer;
    private final MappingStore mappings;

    public CustomerImportController(CustomerImporter importer, MappingStore mappings) {
        this.importer = importer;
        this.mappings = mappings;
    }

    /** Import (or, with dryRun, check) a CSV export; at most plumbline.limits.max-customer-import-bytes (32 MiB). */
    @Post(value = "/import")
    @BodyLimit(BodyLimit.Kind.CUSTOMER_IMPORT)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Object importCustomersCsv(@Body byte[] csv, @Nullable @QueryValue String source,
                                     @QueryValue(defaultValue = "false") boolean dryRun) {
        return dryRun ? Preview.of(importer.previewCsv(csv, source)) : importer.importCsv(csv, source);
    }

    /**
     * Import (or, with dryRun, check) customers as a JSON array of objects keyed by field; at most
     * plumbline.limits.max-customer-import-bytes (32 MiB).
     */
    @Post
    @BodyLimit(BodyLimit.Kind.CUSTOMER_IMPORT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Object importCustomersJson(@Body byte[] json, @QueryValue(defaultValue = "false") boolean dryRun) {
        return dryRun ? Preview.of(importer.previewJson(json)) : importer.importJson(json);
    }

    /** Saved column mappings by source. */
    @Get("/mappings")
    public Map<String, Mapping> listMappings() {
        Map<String, Mapping> out = new LinkedHashMap<>();
        mappings.all(CustomerImporter.KIND).forEach((source, text) -> out.put(source, Mapping.of(ColumnMapping.parse(text))));
        return out;
    }

    /** Saves the column mapping of a source (replacing the one saved before). */
    @Put("/mappings/{source}")
    public Mapping saveMapping(@PathVariable String source, @Body Mapping mapping) {
        MappingStore.requireSource(source);
        ColumnMapping parsed = mapping.toColumnMapping();
        importer.saveMapping(source, parsed);
        return Mapping.of(parsed);
    }

    /**
     * A column mapping: field key (id, name, arr, currency, seats, ...) to the header of its column.
     *
     * @param defaultCurrency currency of amounts that name none, or null
     */
    @Serdeable
    public record Mapping(Map<String, String> columns, @Nullable String defaultCurrency) {

        static Mapping of(ColumnMapping m) {
            Map<String, String> columns = new LinkedHashMap<>();
            m.columns().forEach((f, c) -> columns.put(f.key(), c));
            return new Mapping(columns, m.defaultCurrency());
        }

        ColumnMapping toColumnMapping() {
            Map<CustomerField, String> out = new EnumMap<>(CustomerField.class);
            (columns == null ? Map.<String, String>of() : columns).forEach((k, v) -> {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("columns." + k + ": give the header of the column");
                }
                try {
                    out.put(CustomerField.ofKey(k), v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("columns." + k + ": " + e.getMessage(), e);
                }
            });
            try {
                return new ColumnMapping(out, defaultCurrency == null || defaultCurrency.isBlank() ? null : defaultCurrency);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("defaultCurrency: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A checked import, nothing written.
     *
     * @param acceptable true when importing it would succeed
     */
    @Serdeable
    public record Preview(boolean acceptable, int rows, List<String> header, List<List<String>> preview,
                          List<ImportProblems.Problem> problems) {

        static Preview of(ParsedCustomers p) {
            return new Preview(p.acceptable(), p.rows(), p.header(), p.preview(), ImportProblems.of(p.problems()));
        }
    }
}
