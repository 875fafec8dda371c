package dev.plumbline.dashboards.period;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A page's month parameter against a fixed clock (2026-11-20): any month the API takes, none replaced. */
class MonthChoiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "no month is this month to date                       | ''       | ''      | null",
            "a month of the last year is itself                   | 2026-10  | 2026-10 | null",
            "a month older than a year is itself, not this month  | 2025-03  | 2025-03 | null",
            "the first month accepted is itself                   | 2000-01  | 2000-01 | null",
            "the current month is itself                          | 2026-11  | 2026-11 | null",
            "spaces around a month are dropped as the API drops them | ' 2025-03 ' | 2025-03 | null",
            "a month thirteen is refused naming the parameter      | 2026-13  | null    | month: must be a month like 2026-10, was '2026-13'",
            "a month before 2000 is refused with the accepted range | 1999-12 | null    | month: 1999-12 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC)",
            "a month to come is refused: it has no hour yet        | 2026-12  | null    | period: 2026-12 has no complete hour yet",
            "a date is not a month                                 | 2026-10-01 | null  | month: must be a month like 2026-10, was '2026-10-01'",
    })
    void the_month_of_a_page_url_is_read_as_the_api_reads_it(String sentence, String parameter, String month,
                                                              String problem) {
        assertThat(MonthChoice.read(parameter, CLOCK)).isEqualTo(new MonthChoice.Choice(month, problem));
    }

    @Test
    void the_picker_offers_the_last_twelve_months_and_a_chosen_older_one_in_date_order() {
        assertThat(MonthChoice.months(CLOCK)).hasSize(13).startsWith("", "2026-10").endsWith("2025-11");
        assertThat(MonthChoice.months(CLOCK, "2025-03")).hasSize(14).startsWith("", "2026-10").endsWith("2025-11", "2025-03");
        assertThat(MonthChoice.months(CLOCK, "2026-11")).startsWith("", "2026-11", "2026-10");
        assertThat(MonthChoice.months(CLOCK, "2026-10")).isEqualTo(MonthChoice.months(CLOCK));
    }

    @Test
    void a_picker_shows_an_older_month_and_a_refused_one_leaves_it_empty_with_the_reason() {
        Select<String> picker = MonthChoice.select(CLOCK);
        assertThat(MonthChoice.show(picker, "2025-03", CLOCK)).isEmpty();
        assertThat(picker.getValue()).isEqualTo("2025-03");
        assertThat(picker.getListDataView().getItems().toList()).contains("2025-03");

        assertThat(MonthChoice.show(picker, "2026-13", CLOCK)).contains("month: must be a month like 2026-10, was '2026-13'");
        assertThat(picker.getValue()).isNull();
        assertThat(picker.getListDataView().getItems().toList()).isEqualTo(MonthChoice.months(CLOCK));
    }

    @Test
    void no_parameter_is_this_month_to_date() {
        assertThat(MonthChoice.read(null, CLOCK)).isEqualTo(new MonthChoice.Choice("", null));
        assertThat(List.of(MonthChoice.read("   ", CLOCK).month())).containsExactly("");
    }
}
