package dev.plumbline.collectors.catalog;

import java.util.List;

/** A catalog import refused as a whole: nothing was written. Carries every problem found. */
public final class CatalogRejected extends RuntimeException {

    private final List<CatalogProblem> problems;

    public CatalogRejected(List<CatalogProblem> problems) {
        super("catalog refused, nothing written: " + (problems.size() == 1 ? problems.getFirst()
                : problems.size() + " problems, the first: " + problems.getFirst()));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
