package dev.plumbline.app.api;

import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertHistoryStore;
import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.AlertSlice;
import dev.plumbline.sql.alerts.PromDuration;
import dev.plumbline.sql.alerts.ReportSettings;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.psr.Dates;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a backtest request ({@link BacktestRequestJson}) into the domain's: every bad value refused naming its field
 * (400), an unknown service, objective, customer or segment 404. The API and the Alerts page read requests here.
 */
public final class BacktestRequests {

    /** The default history: the last 90 days. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(90);
    /** The longest history one backtest replays. */
    static final Duration MAX_RANGE = Duration.ofDays(400);
    static final int MAX_CANDIDATES = 20;

    private final ServiceCatalogStore catalog;
    private final AlertHistoryStore history;
    private final Clock clock;

    public BacktestRequests(ServiceCatalogStore catalog, AlertHistoryStore history, Clock clock) {
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    /** {@code service}'s objective {@code name}: 400 when either is missing, 404 when unknown. */
    public static Objective objective(ServiceCatalogStore catalog, String service, String name) {
        if (service == null || service.isBlank()) {
            throw RequestRefused.badRequest("service", "required");
        }
        if (name == null || name.isBlank()) {
            throw RequestRefused.badRequest("objective", "required");
        }
        var entry = catalog.find(service.strip())
                .orElseThrow(() -> RequestRefused.notFound("service", "no service named '" + service.strip() + "'"));
        return entry.objectives().stream().filter(o -> o.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("objective", "service '" + service.strip()
                        + "' has no objective named '" + name.strip() + "'"));
    }

    public AlertBacktests.Request read(BacktestRequestJson body) {
        if (body == null) {
            throw new IllegalArgumentException("the body must be a backtest request (JSON object)");
        }
        Objective objective = objective(catalog, body.service(), body.objective());
        AlertSlice slice = new AlertSlice(body.customer(), body.segment());
        if (slice.perCustomer() && history.sliceCustomers(objective.service(), slice).isEmpty()) {
            throw RequestRefused.notFound(slice.field(), slice.customer().isEmpty()
                    ? "no customer of segment '" + slice.segment() + "' sent " + objective.service() + " any request"
                    : "customer '" + slice.customer() + "' sent " + objective.service() + " no request");
        }
        List<AlertPolicy> candidates = candidates(body.candidates());
        Duration lookback = candidates.stream().map(AlertPolicy::lookback).max(Duration::compareTo).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant to = minute("to", body.to(), now);
        to = to.isAfter(now) ? now : to;
        Instant earliest = history.earliestFrom(slice, lookback);
        Instant from;
        if (body.from() == null || body.from().isBlank()) {
            from = to.minus(DEFAULT_RANGE);
            if (earliest != null && from.isBefore(earliest)) {
                if (!earliest.isBefore(to)) {
                    throw RequestRefused.badRequest("to", "the raw minutes per customer start at "
                            + LocalDate.ofInstant(history.rawMinutesStart(), ZoneOffset.UTC) + "; a backtest of a "
                            + slice.field() + " whose longest window is " + PromDuration.format(lookback)
                            + " must end after " + earliest + ", was " + to);
                }
                from = earliest;
            }
        } else {
            from = minute("from", body.from(), null);
        }
        if (!from.isBefore(to)) {
            throw RequestRefused.badRequest("from", from + " is not before to " + to
                    + (to.equals(now) ? " (the current minute)" : ""));
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw RequestRefused.badRequest("from", "a backtest covers at most " + MAX_RANGE.toDays() + " days, was "
                    + Duration.between(from, to).toDays() + " days from " + from + " to " + to);
        }
        return new AlertBacktests.Request(objective, slice, from, to, candidates, settings(body));
    }

    static List<AlertPolicy> candidates(List<AlertPolicyJson> candidates) {
        if (candidates == null || candidates.isEmpty() || candidates.size() > MAX_CANDIDATES) {
            throw RequestRefused.badRequest("candidates", "give 1 to " + MAX_CANDIDATES + " candidate policies, gave "
                    + (candidates == null ? 0 : candidates.size()));
        }
        List<AlertPolicy> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            String where = "candidates[" + i + "]";
            if (candidates.get(i) == null) {
                throw RequestRefused.badRequest(where, "must be a policy, was null");
            }
            AlertPolicy p = candidates.get(i).toPolicy(where);
            Integer before = names.putIfAbsent(p.name(), i);
            if (before != null) {
                throw RequestRefused.badRequest(where + ".name", "'" + p.name() + "' is the name of candidates["
                        + before + "] too; names must be unique");
            }
            out.add(p);
        }
        return out;
    }

    private static ReportSettings settings(BacktestRequestJson body) {
        ReportSettings d = ReportSettings.DEFAULT;
        Duration cooldown = body.cooldown() == null || body.cooldown().isBlank() ? d.cooldown()
                : PromDuration.parse("cooldown", body.cooldown());
        if (cooldown.compareTo(Duration.ofDays(7)) > 0) {
            throw RequestRefused.badRequest("cooldown", "at most 7d, was " + body.cooldown());
        }
        BacktestRequestJson.BusinessHours h = body.businessHours();
        if (h == null) {
            return new ReportSettings(d.zone(), d.dayStart(), d.dayEnd(), d.workdays(), cooldown);
        }
        ZoneId zone = d.zone();
        if (h.zone() != null && !h.zone().isBlank()) {
            try {
                zone = ZoneId.of(h.zone().strip());
            } catch (DateTimeException e) {
                throw RequestRefused.badRequest("businessHours.zone", "'" + h.zone()
                        + "' is not a time zone (e.g. Europe/Berlin, UTC)");
            }
        }
        return new ReportSettings(zone, time("businessHours.start", h.start(), d.dayStart()),
                time("businessHours.end", h.end(), d.dayEnd()), workdays(h.workdays(), d.workdays()), cooldown);
    }

    private static LocalTime time(String field, String text, LocalTime otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeException e) {
            throw RequestRefused.badRequest(field, "must be a time like 09:00, was '" + text + "'");
        }
    }

    private static Set<DayOfWeek> workdays(List<String> days, Set<DayOfWeek> otherwise) {
        if (days == null) {
            return otherwise;
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            String day = days.get(i) == null ? "" : days.get(i).strip().toUpperCase(Locale.ROOT);
            try {
                out.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException e) {
                throw RequestRefused.badRequest("businessHours.workdays[" + i + "]", "'" + days.get(i)
                        + "' is not a day of the week (monday to sunday)");
            }
        }
        return out;
    }

    /** An instant on a whole minute, or {@code otherwise} when absent. */
    private static Instant minute(String field, String text, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        Instant t = Dates.instant(field, text);
        if (!t.truncatedTo(ChronoUnit.MINUTES).equals(t)) {
            throw RequestRefused.badRequest(field, "must be a whole minute (no seconds), was " + text.strip());
        }
        return t;
    }
}
