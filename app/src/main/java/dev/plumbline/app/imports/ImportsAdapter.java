package dev.plumbline.app.imports;

import dev.plumbline.app.config.RequestLimitsProperties;
import dev.plumbline.collectors.catalog.Catalog;
import dev.plumbline.collectors.catalog.CatalogImporter;
import dev.plumbline.collectors.catalog.CatalogRejected;
import dev.plumbline.collectors.catalog.OpenSloReader;
import dev.plumbline.collectors.customers.CustomerImporter;
import dev.plumbline.collectors.customers.ParsedCustomers;
import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.collectors.imports.ImportRejected;
import dev.plumbline.collectors.imports.TextInput;
import dev.plumbline.dashboards.imports.Imports;
import dev.plumbline.sql.imports.MappingStore;
import jakarta.inject.Singleton;
import java.util.List;

/** The Import page's port, on the same importers as the API. */
@Singleton
public class ImportsAdapter implements Imports {

    private final CustomerImporter customers;
    private final CatalogImporter catalog;
    private final MappingStore mappings;
    private final RequestLimitsProperties limits;

    public ImportsAdapter(CustomerImporter customers, CatalogImporter catalog, MappingStore mappings,
                          RequestLimitsProperties limits) {
        this.customers = customers;
        this.catalog = catalog;
        this.mappings = mappings;
        this.limits = limits;
    }

    @Override
    public long maxCustomerBytes() {
        return limits.maxCustomerImportBytes();
    }

    @Override
    public long maxCatalogBytes() {
        return limits.maxCatalogBytes();
    }

    @Override
    public List<String> customerSources() {
        return List.copyOf(mappings.all(CustomerImporter.KIND).keySet());
    }

    @Override
    public Check checkCustomers(byte[] csv, String source) {
        ParsedCustomers parsed = customers.previewCsv(csv, source);
        return new Check(parsed.acceptable(), parsed.rows(), parsed.header(), parsed.preview(), problems(parsed.problems()));
    }

    @Override
    public String importCustomers(byte[] csv, String source) {
        try {
            CustomerImporter.Outcome o = customers.importCsv(csv, source);
            return o.rows() + " rows: " + o.added() + " new customers, " + o.changed() + " changed, " + o.unchanged()
                    + " unchanged";
        } catch (ImportRejected e) {
            throw new Refused(e.getMessage(), problems(e.problems()));
        }
    }

    @Override
    public Check checkCatalog(byte[] yaml, String fileName) {
        try {
            Catalog c = OpenSloReader.read(List.of(new OpenSloReader.Source(fileName, TextInput.decode(yaml))));
            return new Check(c.acceptable(), c.services().size() + c.objectives().size(), List.of(), List.of(),
                    c.problems().stream().map(p -> new Problem(p.file() + (p.path().isEmpty() ? "" : ": " + p.path()),
                            p.reason())).toList());
        } catch (ImportRejected e) {
            return new Check(false, 0, List.of(), List.of(), problems(e.problems()));
        }
    }

    @Override
    public String importCatalog(byte[] yaml, String fileName, String user) {
        try {
            CatalogImporter.Outcome o = catalog.importCatalog(
                    List.of(new OpenSloReader.Source(fileName, TextInput.decode(yaml))), false, user);
            return o.services() + " services and " + o.objectives() + " objectives imported; " + o.objectivesDeleted()
                    + " objectives no longer listed were removed"
                    + (o.alertPolicies().isEmpty() ? "" : "; " + o.policiesSaved() + " of " + o.alertPolicies().size()
                    + " alert policies saved as a new version (the others were current already)");
        } catch (CatalogRejected e) {
            throw new Refused(e.getMessage(), e.problems().stream().map(p -> new Problem(p.file() + ": " + p.path(), p.reason())).toList());
        } catch (ImportRejected e) {
            throw new Refused(e.getMessage(), problems(e.problems()));
        }
    }

    private static List<Problem> problems(List<ImportProblem> problems) {
        return problems.stream().map(p -> new Problem(
                (p.row() > 0 ? "row " + p.row() : "file") + (p.column().isEmpty() ? "" : ", column '" + p.column() + "'"),
                p.reason())).toList();
    }
}
