package dev.plumbline.dashboards.period;

import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The month picker every period page shows: "" (this month to date) and the twelve months before, as the
 * {@code month} URL parameter spells them (2026-10).
 */
public final class MonthChoice {

    private MonthChoice() {
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

    /** A labelled picker over {@link #months}. */
    public static Select<String> select(Clock clock) {
        Select<String> month = new Select<>();
        month.setLabel("Month");
        month.setItems(months(clock));
        month.setItemLabelGenerator(m -> m.isEmpty() ? "This month to date" : m);
        month.addClassName("filter-month");
        return month;
    }

    /** The parameter's value when it is one of the choices, else "" (this month to date). */
    public static String valid(String value, Clock clock) {
        return value != null && months(clock).contains(value) ? value : "";
    }
}
