package dev.plumbline.app.api;

import dev.plumbline.collectors.catalog.CatalogProblem;
import dev.plumbline.collectors.imports.ImportProblem;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Import problems as the API returns them. */
final class ImportProblems {

    private ImportProblems() {
    }

    /**
     * @param row    spreadsheet row (header is row 1) or JSON item; 0 for the input as a whole
     * @param column column or field, or ""
     * @param reason what is wrong
     * @param text   all of it in one sentence
     */
    @Serdeable
    record Problem(int row, String column, String reason, String text) {

        static Problem of(ImportProblem p) {
            return new Problem(p.row(), p.column(), p.reason(), p.toString());
        }
    }

    /**
     * @param file   the file
     * @param path   YAML path in it, e.g. $[1].spec.objectives[0].target
     * @param reason what is wrong
     * @param text   all of it in one sentence
     */
    @Serdeable
    record CatalogIssue(String file, String path, String reason, String text) {

        static CatalogIssue of(CatalogProblem p) {
            return new CatalogIssue(p.file(), p.path(), p.reason(), p.toString());
        }
    }

    static List<Problem> of(List<ImportProblem> problems) {
        return problems.stream().map(Problem::of).toList();
    }
}
