package dev.plumbline.sql.alerts;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Prometheus rule files write them ({@code 5m}, {@code 1h}, {@code 3d}, {@code 1h30m}), in whole minutes:
 * what alert policies are written in, in the API, on the page and in every export.
 */
public final class PromDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)([wdhm])");
    private static final Pattern WHOLE = Pattern.compile("(\\d+[wdhm])+");

    private PromDuration() {
    }

    /** {@code text} ("1h30m") as a duration; refused naming {@code field} when it is not one of whole minutes. */
    public static Duration parse(String field, String text) {
        if (text == null || !WHOLE.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException(field + ": must be a duration like 5m, 1h or 3d (units w, d, h, m), was '"
                    + (text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
        }
        Duration out = Duration.ZERO;
        Matcher m = PART.matcher(text.strip());
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            if (n > 100_000) {
                throw new IllegalArgumentException(field + ": " + text + " is too long");
            }
            out = out.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            });
        }
        return out;
    }

    /** The shortest text for {@code d} in the largest whole units ("3d", "6h", "90m" stays "1h30m"); 0 is "0m". */
    public static String format(Duration d) {
        long minutes = d.toMinutes();
        if (minutes == 0) {
            return "0m";
        }
        StringBuilder out = new StringBuilder();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (rest > 0) {
            out.append(rest).append('m');
        }
        return out.toString();
    }
}
