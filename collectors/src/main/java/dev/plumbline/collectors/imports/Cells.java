package dev.plumbline.collectors.imports;

/** Checks on text cells shared by every import: length, control characters, spreadsheet formulas. */
public final class Cells {

    private Cells() {
    }

    /**
     * The reason a text cell is refused, or null when it is fine. A cell that starts with {@code = + - @} (or a tab or
     * carriage return) would run as a formula when a later export is opened in a spreadsheet (formula injection).
     */
    public static String problem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return "too long: " + value.length() + " characters, at most " + maxLength;
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "starts with '" + printable(value.charAt(0)) + "', which a spreadsheet runs as a formula; "
                    + "remove it or put text before it";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n') {
                return "contains the control character U+" + String.format("%04X", (int) c);
            }
        }
        return null;
    }

    /** For exports: a cell a spreadsheet would run as a formula gets a leading apostrophe. */
    public static String safeForSpreadsheet(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c);
    }
}
