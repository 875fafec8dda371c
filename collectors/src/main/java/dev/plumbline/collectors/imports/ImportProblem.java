package dev.plumbline.collectors.imports;

/**
 * Why one input value (or a whole input) was refused: where, and what is wrong, in words a finance or platform team
 * can act on.
 *
 * @param row    the spreadsheet row (the header is row 1) or JSON item number (from 1); 0 for the input as a whole
 * @param column the column or field, or "" for a whole row or input
 * @param reason what is wrong
 */
public record ImportProblem(int row, String column, String reason) {

    public static ImportProblem ofInput(String reason) {
        return new ImportProblem(0, "", reason);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (row > 0) {
            out.append("row ").append(row);
        }
        if (!column.isEmpty()) {
            out.append(out.isEmpty() ? "" : ", ").append("column '").append(column).append("'");
        }
        return (out.isEmpty() ? "" : out + ": ") + reason;
    }
}
