package dev.plumbline.dashboards.alerts;

import dev.plumbline.sql.alerts.BadEpisode;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.PromDuration;
import dev.plumbline.sql.alerts.Report;
import dev.plumbline.sql.psr.PercentText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the Alerts page writes a backtest's figures: durations in days, hours and minutes, shares as percents
 * ({@link PercentText}), instants in UTC, rules in Prometheus' notation. Absent figures read "–". Pure.
 */
public final class ReportText {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ReportText() {
    }

    /** 0 reads "0m", 90 minutes "1h 30m", 50 hours "2d 2h" (the largest two units; the figures are whole minutes). */
    public static String duration(Duration d) {
        if (d == null) {
            return PercentText.NONE;
        }
        long minutes = d.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (rest > 0 ? " " + rest + "m" : "");
        }
        return rest + "m";
    }

    /** A share (precision, recall, budget burned): "67%", "2.1%". */
    public static String share(Double share, int decimals) {
        return PercentText.of(share, decimals);
    }

    public static String perWeek(double pagesPerWeek) {
        return String.format(Locale.ROOT, "%.2f", pagesPerWeek);
    }

    /** 2026-10-20 14:00 (UTC). */
    public static String minute(Instant t) {
        return t == null ? PercentText.NONE : MINUTE.format(t);
    }

    /** An episode's origin as a word: incident, burn, incident + burn. */
    public static String origin(BadEpisode.Origin o) {
        return switch (o) {
            case INCIDENT -> "incident";
            case BURN -> "burn";
            case BOTH -> "incident + burn";
        };
    }

    /** How a candidate met an episode: "caught after 5m (1.2% of the budget), reset 10m" or "missed". */
    public static String outcome(Report.Outcome o) {
        if (!o.caught()) {
            return "missed";
        }
        return "caught after " + duration(o.detection()) + " (" + share(o.budgetBeforeFiring(), 1) + " of the budget)"
                + ", reset " + (o.reset() == null ? "still firing" : duration(o.reset()));
    }

    /** A rule as one line: "page-1h: page above 14.4x over 1h and 5m, for 2m, keep 5m, at least 100 requests". */
    public static String rule(BurnRule r) {
        StringBuilder out = new StringBuilder(r.name()).append(": ").append(r.severity().label()).append(" above ")
                .append(factor(r.factor())).append(" over ").append(PromDuration.format(r.longWindow()));
        if (r.shortWindow() != null) {
            out.append(" and ").append(PromDuration.format(r.shortWindow()));
        }
        if (!r.forDuration().isZero()) {
            out.append(", for ").append(PromDuration.format(r.forDuration()));
        }
        if (!r.keepFiringFor().isZero()) {
            out.append(", keep firing ").append(PromDuration.format(r.keepFiringFor()));
        }
        if (r.minRequests() > 0) {
            out.append(", at least ").append(r.minRequests()).append(" requests");
        }
        return out.toString();
    }

    /** A burn-rate factor: 14.4x, 15x, 2.14x. */
    public static String factor(double f) {
        String s = String.format(Locale.ROOT, "%.2f", f).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "x";
    }
}
