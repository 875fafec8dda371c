package dev.plumbline.sql.psr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * How every page and sentence writes an amount: the currency's symbol (as written in US English: $, €, £, ¥, CHF,
 * CA$; a code Java does not know stands for itself), a space after a symbol that ends in a letter or digit, a minus
 * before the symbol, whole units rounded half up. An absent amount (null, NaN, infinite) reads "–". Pure.
 */
public final class MoneyText {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String[] UNITS = {"", "k", "M", "B"};

    private MoneyText() {
    }

    /** In full, whole units with grouping: 1234567.89 USD: "$1,234,568"; -12.5 EUR: "-€13". */
    public static String of(BigDecimal amount, String currency) {
        if (amount == null) {
            return PercentText.NONE;
        }
        return sign(amount) + symbol(currency) + String.format(Locale.ROOT, "%,d",
                amount.abs().setScale(0, RoundingMode.HALF_UP).toBigIntegerExact());
    }

    /** A figure computed in floating point (revenue at risk, ROI), in full. */
    public static String of(double amount, String currency) {
        return Double.isFinite(amount) ? of(BigDecimal.valueOf(amount), currency) : PercentText.NONE;
    }

    /**
     * Short, for a sentence: 1200000 USD: "$1.2M", 85400 EUR: "€85.4k", 950 GBP: "£950", 999950 USD: "$1M" (one
     * decimal under 100 of a unit, none from 100; k, M, B).
     */
    public static String compact(BigDecimal amount, String currency) {
        if (amount == null) {
            return PercentText.NONE;
        }
        BigDecimal v = amount.abs();
        int unit = 0;
        while (unit < UNITS.length - 1 && v.compareTo(THOUSAND.pow(unit + 1)) >= 0) {
            unit++;
        }
        BigDecimal shown = shortened(v, unit);
        if (unit < UNITS.length - 1 && shown.compareTo(THOUSAND) >= 0) {   // 999.96k rounds to 1000k: 1M
            unit++;
            shown = shortened(v, unit);
        }
        String number = shown.signum() == 0 ? "0" : shown.stripTrailingZeros().toPlainString();
        return sign(amount) + symbol(currency) + number + UNITS[unit];
    }

    private static BigDecimal shortened(BigDecimal v, int unit) {
        BigDecimal inUnits = v.movePointLeft(3 * unit);
        int decimals = unit == 0 || inUnits.compareTo(HUNDRED) >= 0 ? 0 : 1;
        return inUnits.setScale(decimals, RoundingMode.HALF_UP);
    }

    private static String sign(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP).signum() < 0 ? "-" : "";
    }

    /** "$", "€", "CHF " (a space after letters and digits, so "CHF 950" never reads "CHF950"). */
    static String symbol(String currency) {
        String symbol;
        try {
            symbol = Currency.getInstance(currency).getSymbol(Locale.US);
        } catch (IllegalArgumentException | NullPointerException e) {
            symbol = currency == null ? "" : currency;
        }
        return !symbol.isEmpty() && Character.isLetterOrDigit(symbol.charAt(symbol.length() - 1)) ? symbol + " " : symbol;
    }
}
