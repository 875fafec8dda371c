package dev.plumbline.collectors.customers;

import dev.plumbline.collectors.imports.Amounts;
import dev.plumbline.collectors.imports.Cells;
import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link RawCustomer} into a {@link Customer}, or into every problem it has. Pure: no I/O.
 */
public final class CustomerValidator {

    static final int MAX_ID = 128;
    static final int MAX_NAME = 500;
    static final int MAX_LABEL = 100;
    static final BigDecimal MAX_ARR = new BigDecimal("1000000000000");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final CurrencyRates currencies;
    private final String defaultCurrency;
    private final LocalDate today;

    /**
     * @param currencies      the currencies amounts may be in
     * @param defaultCurrency currency of amounts that name none; null to require one
     * @param today           the import date: the default effective date, and the latest one accepted
     */
    public CustomerValidator(CurrencyRates currencies, String defaultCurrency, LocalDate today) {
        this.currencies = currencies;
        this.defaultCurrency = defaultCurrency;
        this.today = today;
    }

    /** The problems are added to {@code problems}; the customer is returned only when there were none. */
    public Customer validate(RawCustomer raw, List<ImportProblem> problems) {
        List<ImportProblem> mine = new ArrayList<>();
        String id = text(raw, CustomerField.ID, MAX_ID, true, mine);
        String name = text(raw, CustomerField.NAME, MAX_NAME, true, mine);
        String segment = text(raw, CustomerField.SEGMENT, MAX_LABEL, false, mine);
        String region = text(raw, CustomerField.REGION, MAX_LABEL, false, mine);
        String plan = text(raw, CustomerField.PLAN, MAX_LABEL, false, mine);
        BigDecimal arr = null;
        String currency = null;
        String arrCell = raw.value(CustomerField.ARR);
        if (arrCell.isEmpty()) {
            mine.add(problem(raw, CustomerField.ARR, "missing; ARR is required (0 for none)"));
        } else {
            try {
                Amounts.Amount amount = Amounts.parse(arrCell);
                arr = amount.value();
                if (arr.scale() > 2 && arr.stripTrailingZeros().scale() > 2) {
                    mine.add(problem(raw, CustomerField.ARR, "more than 2 decimals: '" + arrCell + "'"));
                    arr = null;
                } else if (arr.compareTo(MAX_ARR) > 0) {
                    mine.add(problem(raw, CustomerField.ARR, "implausibly large: '" + arrCell + "'"));
                    arr = null;
                }
                currency = currency(raw, amount.currencyInCell(), mine);
            } catch (IllegalArgumentException e) {
                mine.add(problem(raw, CustomerField.ARR, e.getMessage()));
            }
        }
        Integer seats = count(raw, CustomerField.SEATS, mine);
        Integer activeUsers = count(raw, CustomerField.ACTIVE_USERS, mine);
        LocalDate renewal = date(raw, CustomerField.RENEWAL_DATE, mine);
        BigDecimal volume = decimal(raw, CustomerField.DATA_VOLUME_GB, mine);
        LocalDate effective = date(raw, CustomerField.EFFECTIVE_FROM, mine);
        if (effective != null && effective.isAfter(today)) {
            mine.add(problem(raw, CustomerField.EFFECTIVE_FROM, "in the future: " + effective));
        }
        if (!mine.isEmpty()) {
            problems.addAll(mine);
            return null;
        }
        return new Customer(id, name, segment, region, plan, arr.setScale(2, java.math.RoundingMode.UNNECESSARY),
                currency, seats, activeUsers, renewal, volume == null ? null : volume.doubleValue(),
                effective == null ? today : effective);
    }

    private String currency(RawCustomer raw, String inCell, List<ImportProblem> problems) {
        String column = raw.value(CustomerField.CURRENCY).toUpperCase(java.util.Locale.ROOT);
        String currency = !column.isEmpty() ? column : inCell != null ? inCell : defaultCurrency;
        if (!column.isEmpty() && inCell != null && !column.equals(inCell)) {
            problems.add(problem(raw, CustomerField.ARR, "the amount is in " + inCell + " but the currency column says " + column));
            return null;
        }
        if (currency == null) {
            problems.add(problem(raw, CustomerField.CURRENCY,
                    "missing; give a currency column, a symbol or code with the amount, or a default currency in the mapping"));
            return null;
        }
        if (!currencies.knows(currency)) {
            problems.add(problem(raw, column.isEmpty() ? CustomerField.ARR : CustomerField.CURRENCY,
                    "unknown currency '" + currency + "'; known: " + String.join(", ", currencies.known())));
            return null;
        }
        return currency;
    }

    private static String text(RawCustomer raw, CustomerField field, int max, boolean required, List<ImportProblem> problems) {
        String value = raw.value(field);
        if (value.isEmpty()) {
            if (required) {
                problems.add(problem(raw, field, "missing; " + field.key() + " is required"));
            }
            return "";
        }
        String reason = Cells.problem(value, max);
        if (reason != null) {
            problems.add(problem(raw, field, reason));
        }
        return value;
    }

    private static Integer count(RawCustomer raw, CustomerField field, List<ImportProblem> problems) {
        String value = raw.value(field);
        if (value.isEmpty()) {
            return null;
        }
        if (value.startsWith("-")) {
            problems.add(problem(raw, field, "must not be negative: '" + value + "'"));
            return null;
        }
        try {
            BigDecimal n = Amounts.number(value, value);
            if (n.stripTrailingZeros().scale() > 0) {
                problems.add(problem(raw, field, "not a whole number: '" + value + "'"));
                return null;
            }
            if (n.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) {
                problems.add(problem(raw, field, "implausibly large: '" + value + "'"));
                return null;
            }
            return n.intValueExact();
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(problem(raw, field, "not a number: '" + value + "'"));
            return null;
        }
    }

    private static BigDecimal decimal(RawCustomer raw, CustomerField field, List<ImportProblem> problems) {
        String value = raw.value(field);
        if (value.isEmpty()) {
            return null;
        }
        if (value.startsWith("-")) {
            problems.add(problem(raw, field, "must not be negative: '" + value + "'"));
            return null;
        }
        try {
            return Amounts.number(value, value);
        } catch (IllegalArgumentException e) {
            problems.add(problem(raw, field, "not a number: '" + value + "'"));
            return null;
        }
    }

    private static LocalDate date(RawCustomer raw, CustomerField field, List<ImportProblem> problems) {
        String value = raw.value(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            boolean shaped = value.matches("\\d{4}-\\d{2}-\\d{2}");
            problems.add(problem(raw, field, (shaped ? "impossible date: '" : "not a date (YYYY-MM-DD): '") + value + "'"));
            return null;
        }
    }

    private static ImportProblem problem(RawCustomer raw, CustomerField field, String reason) {
        return new ImportProblem(raw.row(), raw.column(field), reason);
    }
}
