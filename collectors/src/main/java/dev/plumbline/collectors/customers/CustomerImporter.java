package dev.plumbline.collectors.customers;

import dev.plumbline.collectors.imports.ImportRejected;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.imports.MappingStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer imports, all or nothing: read and check everything first; if any problem, write nothing; else write
 * only the rows that change something, as one insert.
 */
public final class CustomerImporter {

    public static final String KIND = "customers";
    private static final Logger LOG = LoggerFactory.getLogger(CustomerImporter.class);

    private final CustomerParser parser;
    private final CustomerStore customers;
    private final MappingStore mappings;
    private final Clock clock;

    public CustomerImporter(CustomerParser parser, CustomerStore customers, MappingStore mappings, Clock clock) {
        this.parser = parser;
        this.customers = customers;
        this.mappings = mappings;
        this.clock = clock;
    }

    /** The mapping saved for {@code source}, or the default (usual column names) when none is. */
    public ColumnMapping mapping(String source) {
        if (source == null || source.isBlank()) {
            return ColumnMapping.DEFAULT;
        }
        MappingStore.requireSource(source);
        return mappings.find(KIND, source).map(ColumnMapping::parse).orElse(ColumnMapping.DEFAULT);
    }

    public void saveMapping(String source, ColumnMapping mapping) {
        mappings.save(KIND, source, mapping.toText());
    }

    /** Reads and checks a CSV export without writing: the preview and every problem. */
    public ParsedCustomers previewCsv(byte[] bytes, String source) {
        return parser.csv(bytes, mapping(source), today());
    }

    public Outcome importCsv(byte[] bytes, String source) {
        return apply(previewCsv(bytes, source), "CSV" + Optional.ofNullable(source).map(s -> " from " + s).orElse(""));
    }

    public ParsedCustomers previewJson(byte[] bytes) {
        return parser.json(bytes, today());
    }

    public Outcome importJson(byte[] bytes) {
        return apply(previewJson(bytes), "JSON");
    }

    private Outcome apply(ParsedCustomers parsed, String what) {
        if (!parsed.acceptable()) {
            LOG.info("customer import ({}) refused: {} problem(s), first: {}", what, parsed.problems().size(),
                    parsed.problems().getFirst());
            throw new ImportRejected(parsed.problems());
        }
        ImportPlan plan = ImportPlan.of(parsed.customers(), customers.allRows());
        if (!plan.toWrite().isEmpty()) {
            customers.upsert(plan.toWrite());
        }
        LOG.info("customer import ({}): {} rows, {} new, {} changed, {} unchanged", what, parsed.rows(), plan.added(),
                plan.changed(), plan.unchanged());
        return new Outcome(parsed.rows(), plan.added(), plan.changed(), plan.unchanged());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What an import did. */
    public record Outcome(int rows, int added, int changed, int unchanged) {
    }
}
