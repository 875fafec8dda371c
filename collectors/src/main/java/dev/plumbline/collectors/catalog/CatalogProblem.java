package dev.plumbline.collectors.catalog;

/**
 * A problem in an OpenSLO document: which file, where in it (a YAML path such as
 * {@code $[1].spec.objectives[0].target}), and what is wrong.
 */
public record CatalogProblem(String file, String path, String reason) {

    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? "" : path + ": ") + reason;
    }
}
