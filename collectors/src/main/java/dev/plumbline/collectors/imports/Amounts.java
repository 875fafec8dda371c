package dev.plumbline.collectors.imports;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money amounts as exports write them: {@code 1234567.89}, {@code $1,234,567.89}, {@code 1.234.567,89 €},
 * {@code EUR 1 234 567,89}. With both '.' and ',' the last one is the decimal separator; spaces and apostrophes
 * group thousands. A currency symbol or code in the cell is returned with the
 * amount. Parsing is exact (no floating point). A single separator followed by exactly three digits groups thousands
 * ({@code 1,200} and {@code 1.200} are both 1200).
 */
public final class Amounts {

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY",
            "CHF", "CHF", "kr", "SEK");
    private static final Pattern CODE = Pattern.compile("^([A-Z]{3})\\s*|\\s*([A-Z]{3})$");
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9.,' \\u00A0\\u202F]*");

    /** An amount and the currency the cell named, if any. */
    public record Amount(BigDecimal value, String currencyInCell) {
    }

    private Amounts() {
    }

    /** Parses a money cell; throws {@link IllegalArgumentException} with the reason. */
    public static Amount parse(String cell) {
        String text = cell.strip();
        String currency = null;
        for (var symbol : SYMBOLS.entrySet()) {
            if (text.startsWith(symbol.getKey()) || text.endsWith(symbol.getKey())) {
                currency = symbol.getValue();
                text = (text.startsWith(symbol.getKey()) ? text.substring(symbol.getKey().length())
                        : text.substring(0, text.length() - symbol.getKey().length())).strip();
                break;
            }
        }
        if (currency == null) {
            Matcher code = CODE.matcher(text);
            if (code.find()) {
                currency = code.group(1) != null ? code.group(1) : code.group(2);
                text = code.replaceFirst("").strip();
            }
        }
        if (text.startsWith("-") || text.startsWith("(") && text.endsWith(")")) {
            throw new IllegalArgumentException("must not be negative: '" + cell + "'");
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("not an amount: '" + cell + "'");
        }
        return new Amount(number(text, cell), currency);
    }

    /** A plain non-negative decimal with optional thousands separators, e.g. {@code 1,234.5} or {@code 12.5}. */
    public static BigDecimal number(String text, String cell) {
        String digits = text.replaceAll("[' \\u00A0\\u202F]", "");
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        int decimal = Math.max(lastDot, lastComma);
        String integer = digits;
        String fraction = "";
        if (decimal >= 0) {
            int decimals = digits.length() - decimal - 1;
            boolean separatorRepeats = digits.indexOf(digits.charAt(decimal)) != decimal;
            boolean bothKinds = lastDot >= 0 && lastComma >= 0;
            boolean leadingZero = digits.startsWith("0") && decimal == 1; // 0.125 is a fraction, never 125
            // One separator, used once: three digits after it group thousands (1,200 or 1.200, never 1.2 of ARR),
            // any other count is a decimal part. Both kinds: the last one is the decimal separator.
            boolean isDecimal = bothKinds || !separatorRepeats && (decimals != 3 || leadingZero);
            if (isDecimal) {
                if (decimals == 0) {
                    throw new IllegalArgumentException("ends with a separator: '" + cell + "'");
                }
                integer = digits.substring(0, decimal);
                fraction = digits.substring(decimal + 1);
            } else if (decimals != 3) {
                throw new IllegalArgumentException("ambiguous separators in '" + cell + "'");
            }
        }
        if (!integer.replaceAll("[.,]", "").matches("[0-9]+") || !fraction.matches("[0-9]*")) {
            throw new IllegalArgumentException("not an amount: '" + cell + "'");
        }
        if (!groupsOfThree(integer)) {
            throw new IllegalArgumentException("misplaced thousands separator in '" + cell + "'");
        }
        return new BigDecimal(integer.replaceAll("[.,]", "") + (fraction.isEmpty() ? "" : "." + fraction));
    }

    private static boolean groupsOfThree(String integer) {
        String[] groups = integer.split("[.,]", -1);
        if (groups.length == 1) {
            return true;
        }
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
