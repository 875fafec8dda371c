package dev.plumbline.dashboards.imports;

import java.util.List;

/**
 * Imports as the Import page needs them: check first (preview and every problem, nothing written), then import all or
 * nothing. Implemented by the application with the same importers as the API.
 */
public interface Imports {

    /** The largest customer file taken, in bytes (the API's limit for customer imports). */
    long maxCustomerBytes();

    /** The largest OpenSLO file taken, in bytes (the API's limit for catalogs). */
    long maxCatalogBytes();

    /** Sources with a saved column mapping, e.g. "salesforce". */
    List<String> customerSources();

    /** Reads and checks a customer CSV export; writes nothing. */
    Check checkCustomers(byte[] csv, String source);

    /** Imports a customer CSV export; returns what it did, in a sentence. Fails with {@link Refused} on any problem. */
    String importCustomers(byte[] csv, String source);

    /** Reads and checks OpenSLO YAML; writes nothing. */
    Check checkCatalog(byte[] yaml, String fileName);

    /** Imports OpenSLO YAML (its services replaced with their objectives); returns what it did. */
    String importCatalog(byte[] yaml, String fileName, String user);

    /**
     * A checked input.
     *
     * @param header  column headers (empty for YAML)
     * @param preview the first rows as written
     * @param rows    rows (CSV) or documents (YAML) read
     */
    record Check(boolean acceptable, int rows, List<String> header, List<List<String>> preview, List<Problem> problems) {
    }

    /**
     * @param where  row and column, or file and YAML path
     * @param reason what is wrong
     */
    record Problem(String where, String reason) {
    }

    /** An import refused as a whole; nothing was written. */
    final class Refused extends RuntimeException {

        private final List<Problem> problems;

        public Refused(String message, List<Problem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
