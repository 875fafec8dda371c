package dev.plumbline.collectors.imports;

import java.util.List;

/** An import was refused as a whole: nothing was written. Carries every problem found. */
public final class ImportRejected extends RuntimeException {

    private final List<ImportProblem> problems;

    public ImportRejected(List<ImportProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    private static String summary(List<ImportProblem> problems) {
        String first = problems.isEmpty() ? "" : problems.getFirst().toString();
        return problems.size() == 1 ? "import refused, nothing written: " + first
                : "import refused, nothing written: " + problems.size() + " problems, the first: " + first;
    }
}
