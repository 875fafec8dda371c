package dev.plumbline.dashboards.period;

import com.vaadin.flow.component.select.Select;
import dev.plumbline.sql.psr.PeriodParameters;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The month picker every period page shows: "" (this month to date) and the twelve months before, as the
 * {@code month} URL parameter spells them (2026-10). A page's URL may name any month the API accepts: the page then
 * shows that month (the same period as the API's {@code month=}) and the picker offers it too; a month the API would
 * refuse is refused on the page with the API's message, never replaced by another period.
 */
public final class MonthChoice {

    private MonthChoice() {
    }

    /**
     * What a page's {@code month} parameter asks for, read as the API reads it ({@link PeriodParameters#parse}).
     *
     * @param month   the month as the picker spells it ("" for this month to date), or null when refused
     * @param problem why it is refused, beginning with the parameter ("month: must be a month like 2026-10, was
     *                '2026-13'"), or null
     */
    public record Choice(String month, String problem) {
    }

    /** "" then the last twelve months, newest first. */
    public static List<String> months(Clock clock) {
        List<String> out = new ArrayList<>(List.of(""));
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (int i = 1; i <= 12; i++) {
            out.add(now.minusMonths(i).toString());
        }
        return out;
    }

    /** {@link #months} with {@code chosen} among them in date order (a month older than a year goes last). */
    public static List<String> months(Clock clock, String chosen) {
        List<String> out = months(clock);
        if (!out.contains(chosen)) {
            out.add(chosen);
            out.subList(1, out.size()).sort(Comparator.reverseOrder());
        }
        return out;
    }

    /** The page's month parameter (null or blank: this month to date). */
    public static Choice read(String parameter, Clock clock) {
        if (parameter == null || parameter.isBlank()) {
            return new Choice("", null);
        }
        try {
            PeriodParameters.parse(parameter, null, null, clock);
        } catch (IllegalArgumentException e) {
            return new Choice(null, e.getMessage());
        }
        return new Choice(YearMonth.parse(parameter.strip()).toString(), null);
    }

    /** A labelled picker over {@link #months}. */
    public static Select<String> select(Clock clock) {
        Select<String> month = new Select<>();
        month.setLabel("Month");
        month.setItems(months(clock));
        month.setItemLabelGenerator(m -> m.isEmpty() ? "This month to date" : m);
        month.addClassName("filter-month");
        return month;
    }

    /**
     * Sets {@code picker} to the month a page's URL names, offering it when the list does not; when the API would
     * refuse it, clears the picker and answers why (the page shows that instead of figures).
     */
    public static Optional<String> show(Select<String> picker, String parameter, Clock clock) {
        Choice choice = read(parameter, clock);
        if (choice.problem() != null) {
            picker.setItems(months(clock));
            picker.clear();
            return Optional.of(choice.problem());
        }
        picker.setItems(months(clock, choice.month()));
        picker.setValue(choice.month());
        return Optional.empty();
    }
}
