package dev.plumbline.dashboards.period;

import com.vaadin.flow.component.select.Select;
import dev.plumbline.sql.psr.PeriodReader;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The month picker every period page shows: the current month (to date) and the months that have telemetry, newest
 * first, as the {@code month} URL parameter spells them (2026-10). A URL without a month shows the default month, the
 * API's default for the same request ({@link PeriodReader#defaultMonth}: the last complete month while the current one
 * is young). A URL may name any month the API accepts: the page then shows that month and the picker offers it too; a
 * month the API would refuse is refused on the page with the API's message, never replaced by another period.
 */
public final class MonthChoice {

    private MonthChoice() {
    }

    /**
     * What a page's {@code month} parameter asks for, read as the API reads it.
     *
     * @param month     the month as the picker spells it, or null when refused
     * @param problem   why it is refused, beginning with the parameter ("month: must be a month like 2026-10, was
     *                  '2026-13'"), or null
     * @param defaulted true when the URL named no month and the default month is shown
     */
    public record Choice(String month, String problem, boolean defaulted) {
    }

    /** The current month, the months with data and {@code chosen} (when not blank), newest first, each once. */
    public static List<String> months(YearMonth current, List<YearMonth> withData, String chosen) {
        List<YearMonth> out = new ArrayList<>(List.of(current));
        withData.stream().filter(m -> !out.contains(m)).forEach(out::add);
        if (chosen != null && !chosen.isBlank() && !out.contains(YearMonth.parse(chosen))) {
            out.add(YearMonth.parse(chosen));
        }
        return out.stream().sorted(Comparator.reverseOrder()).map(YearMonth::toString).toList();
    }

    /** The page's month parameter; null or blank: the default month. */
    public static Choice read(String parameter, PeriodReader periods) {
        if (parameter == null || parameter.isBlank()) {
            return new Choice(periods.defaultMonth().toString(), null, true);
        }
        try {
            periods.parse(parameter, null, null);
        } catch (IllegalArgumentException e) {
            return new Choice(null, e.getMessage(), false);
        }
        return new Choice(YearMonth.parse(parameter.strip()).toString(), null, false);
    }

    /**
     * A sentence for the header when the default month is the last complete one, e.g. "the last complete month:
     * 2026-12 has run 8 hours"; empty otherwise.
     */
    public static String defaultNote(Choice choice, PeriodReader periods) {
        Instant now = periods.clock().instant();
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        if (!choice.defaulted() || choice.month() == null || choice.month().equals(current.toString())) {
            return "";
        }
        Duration run = Duration.between(current.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
        String ran = run.toDays() >= 1 ? run.toDays() + (run.toDays() == 1 ? " day" : " days")
                : run.toHours() + (run.toHours() == 1 ? " hour" : " hours");
        return "the last complete month: " + current + " has run " + ran;
    }

    /** A labelled picker; the current month reads "2026-12 (to date)". */
    public static Select<String> select(PeriodReader periods) {
        Select<String> month = new Select<>();
        month.setLabel("Month");
        month.setItemLabelGenerator(m -> m.equals(YearMonth.from(periods.clock().instant().atOffset(ZoneOffset.UTC))
                .toString()) ? m + " (to date)" : m);
        month.addClassName("filter-month");
        return month;
    }

    /**
     * Sets {@code picker} to the month a page's URL names (the default month when it names none), offering the
     * current month and those with data; when the API would refuse it, clears the picker and answers why (the page
     * shows that instead of figures).
     */
    public static Choice show(Select<String> picker, String parameter, PeriodReader periods, List<YearMonth> withData) {
        Choice choice = read(parameter, periods);
        YearMonth current = YearMonth.from(periods.clock().instant().atOffset(ZoneOffset.UTC));
        if (choice.problem() != null) {
            picker.setItems(months(current, withData, null));
            picker.clear();
            return choice;
        }
        picker.setItems(months(current, withData, choice.month()));
        picker.setValue(choice.month());
        return choice;
    }
}
