package dev.plumbline.dashboards.period;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.select.Select;
import dev.plumbline.sql.psr.PeriodReader;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A page's month parameter against a fixed clock (2026-11-20, 7 young days): any month the API takes, none replaced. */
class MonthChoiceTest {

    private static final PeriodReader PERIODS = reader("2026-11-20T12:00:00Z");
    private static final List<YearMonth> WITH_DATA = List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 9));

    private static PeriodReader reader(String now) {
        return new PeriodReader(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), 7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "no month is the default month, here this one          | ''       | 2026-11 | null | true",
            "a month of the last year is itself                   | 2026-10  | 2026-10 | null | false",
            "a month older than a year is itself, not this month  | 2025-03  | 2025-03 | null | false",
            "the first month accepted is itself                   | 2000-01  | 2000-01 | null | false",
            "the current month is itself                          | 2026-11  | 2026-11 | null | false",
            "spaces around a month are dropped as the API drops them | ' 2025-03 ' | 2025-03 | null | false",
            "a month thirteen is refused naming the parameter      | 2026-13  | null    | month: must be a month like 2026-10, was '2026-13' | false",
            "a month before 2000 is refused with the accepted range | 1999-12 | null    | month: 1999-12 is outside the dates Plumbline accepts, 2000-01-01 to 2099-12-31 (UTC) | false",
            "a month to come is refused: it has no hour yet        | 2026-12  | null    | period: 2026-12 has no complete hour yet | false",
            "a date is not a month                                 | 2026-10-01 | null  | month: must be a month like 2026-10, was '2026-10-01' | false",
    })
    void the_month_of_a_page_url_is_read_as_the_api_reads_it(String sentence, String parameter, String month,
                                                              String problem, boolean defaulted) {
        assertThat(MonthChoice.read(parameter, PERIODS)).isEqualTo(new MonthChoice.Choice(month, problem, defaulted));
    }

    @Test
    void the_picker_offers_the_current_month_the_months_with_data_and_a_chosen_other_one_newest_first() {
        YearMonth now = YearMonth.of(2026, 11);
        assertThat(MonthChoice.months(now, WITH_DATA, null)).containsExactly("2026-11", "2026-10", "2026-09");
        assertThat(MonthChoice.months(now, WITH_DATA, "2025-03")).containsExactly("2026-11", "2026-10", "2026-09", "2025-03");
        assertThat(MonthChoice.months(now, WITH_DATA, "2026-10")).containsExactly("2026-11", "2026-10", "2026-09");
        assertThat(MonthChoice.months(now, List.of(now), "")).containsExactly("2026-11");
    }

    @Test
    void a_picker_shows_an_older_month_and_a_refused_one_leaves_it_empty_with_the_reason() {
        Select<String> picker = MonthChoice.select(PERIODS);
        assertThat(MonthChoice.show(picker, "2025-03", PERIODS, WITH_DATA).problem()).isNull();
        assertThat(picker.getValue()).isEqualTo("2025-03");
        assertThat(picker.getListDataView().getItems().toList()).contains("2025-03");
        assertThat(picker.getItemLabelGenerator().apply("2026-11")).isEqualTo("2026-11 (to date)");

        assertThat(MonthChoice.show(picker, "2026-13", PERIODS, WITH_DATA).problem())
                .isEqualTo("month: must be a month like 2026-10, was '2026-13'");
        assertThat(picker.getValue()).isNull();
        assertThat(picker.getListDataView().getItems().toList()).containsExactly("2026-11", "2026-10", "2026-09");
    }

    @Test
    void in_a_young_month_no_parameter_is_the_last_complete_month_and_the_header_says_why() {
        PeriodReader firstDay = reader("2026-12-01T08:00:00Z");
        MonthChoice.Choice choice = MonthChoice.read(null, firstDay);

        assertThat(choice).isEqualTo(new MonthChoice.Choice("2026-11", null, true));
        assertThat(MonthChoice.defaultNote(choice, firstDay)).isEqualTo("the last complete month: 2026-12 has run 8 hours");
        assertThat(MonthChoice.defaultNote(MonthChoice.read(null, reader("2026-12-03T08:00:00Z")), reader("2026-12-03T08:00:00Z")))
                .isEqualTo("the last complete month: 2026-12 has run 2 days");
        assertThat(MonthChoice.defaultNote(MonthChoice.read("2026-11", firstDay), firstDay)).as("asked for").isEmpty();
        assertThat(MonthChoice.defaultNote(MonthChoice.read(null, PERIODS), PERIODS)).as("this month").isEmpty();
    }
}
