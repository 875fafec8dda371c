package dev.plumbline.collectors.catalog;

import dev.plumbline.sql.catalog.Budgeting;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSLO's duration shorthand: a positive integer and one case-sensitive unit, {@code m} minutes, {@code h} hours,
 * {@code d} days, {@code w} weeks, {@code M} months, {@code Q} quarters, {@code Y} years (spec v1, "Custom Data
 * Types"). The spec leaves the length of a month, quarter and year to implementations; for rolling windows Plumbline
 * takes 30, 90 and 365 days, as OpenSLO's Go SDK does. Calendar windows are the calendar month, quarter or year (UTC).
 */
record OpenSloDuration(long value, char unit) {

    private static final Pattern SHORTHAND = Pattern.compile("([1-9][0-9]{0,8})([mhdwMQY])");

    /** Reads {@code node} as a duration shorthand; throws {@link YamlNode.Invalid} naming its path otherwise. */
    static OpenSloDuration of(YamlNode node) {
        String text = node.asText();
        Matcher m = SHORTHAND.matcher(text);
        if (!m.matches()) {
            throw new YamlNode.Invalid(node.path(), "'" + text + "' is not a duration: a positive whole number and one "
                    + "of m (minutes), h (hours), d (days), w (weeks), M (months), Q (quarters), Y (years), e.g. 28d");
        }
        return new OpenSloDuration(Long.parseLong(m.group(1)), m.group(2).charAt(0));
    }

    /** Minutes, for the units of fixed length (m, h, d, w); -1 for M, Q and Y. */
    long minutes() {
        return switch (unit) {
            case 'm' -> value;
            case 'h' -> value * 60;
            case 'd' -> value * 24 * 60;
            case 'w' -> value * 7 * 24 * 60;
            default -> -1;
        };
    }

    /** A rolling {@code timeWindow}: whole days, 1 to 366 (M, Q and Y as 30, 90 and 365 days). */
    ObjectiveWindow rolling(String path) {
        long days = switch (unit) {
            case 'M' -> value * 30;
            case 'Q' -> value * 90;
            case 'Y' -> value * 365;
            default -> minutes() % (24 * 60) == 0 ? minutes() / (24 * 60) : -1;
        };
        if (days < 1 || days > 366) {
            throw new YamlNode.Invalid(path, "a rolling window is whole days, 1d to 366d (e.g. 28d, 4w, 1M as 30d), was '"
                    + this + "'");
        }
        return ObjectiveWindow.rolling((int) days);
    }

    /** A calendar-aligned {@code timeWindow}: 1M, 1Q or 1Y (also 3M as 1Q and 12M as 1Y). */
    ObjectiveWindow calendar(String path) {
        String text = toString();
        if (text.equals("1M")) {
            return ObjectiveWindow.CALENDAR_MONTH;
        }
        if (text.equals("1Q") || text.equals("3M")) {
            return ObjectiveWindow.CALENDAR_QUARTER;
        }
        if (text.equals("1Y") || text.equals("12M") || text.equals("4Q")) {
            return ObjectiveWindow.CALENDAR_YEAR;
        }
        throw new YamlNode.Invalid(path, "a calendar window is 1M, 1Q or 1Y (the calendar month, quarter or year, UTC), "
                + "was '" + text + "'" + (unit == 'm' ? " (m is minutes; the month is M)" : "")
                + (unit == 'd' || unit == 'w' || unit == 'h' ? "; days and weeks make a rolling window (isRolling: true)" : ""));
    }

    /**
     * A {@code timeSliceWindow}: a duration shorthand or a number of minutes (the spec's default unit), whole
     * minutes from 1m to 1d.
     */
    static int sliceMinutes(YamlNode node) {
        long minutes;
        if (node.value() instanceof Number) {
            BigDecimal n = node.asNumber();
            if (n.signum() <= 0 || n.stripTrailingZeros().scale() > 0) {
                throw new YamlNode.Invalid(node.path(), "a number of minutes must be a positive whole number, was " + n);
            }
            minutes = n.compareTo(BigDecimal.valueOf(Budgeting.MAX_SLICE_MINUTES)) > 0 ? -1 : n.longValueExact();
        } else {
            minutes = of(node).minutes();
        }
        if (minutes < 1 || minutes > Budgeting.MAX_SLICE_MINUTES) {
            throw new YamlNode.Invalid(node.path(), "a time slice is 1m to 1d (e.g. 1m, 5m, 1h), was '" + node.value() + "'");
        }
        return (int) minutes;
    }

    /** The shortest shorthand for a number of minutes, as the writer exports a time slice: 90 -> 90m, 60 -> 1h. */
    static String ofMinutes(int minutes) {
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    @Override
    public String toString() {
        return value + String.valueOf(unit);
    }
}
