package dev.plumbline.sql.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirstWorkingDayTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a month starting on a Sunday starts work on Monday the 2nd    | 2026-11 | 2026-11-02
            a month starting on a Saturday starts work on Monday the 3rd  | 2027-05 | 2027-05-03
            a month starting on a Thursday starts work on the 1st         | 2026-10 | 2026-10-01
            a month starting on a Monday starts work on the 1st           | 2027-02 | 2027-02-01
            a month starting on a Friday starts work on the 1st           | 2027-01 | 2027-01-01
            a month starting on a Tuesday starts work on the 1st          | 2026-12 | 2026-12-01
            a leap year's March starting on a Wednesday                   | 2028-03 | 2028-03-01
            """)
    void the_first_working_day_is_the_first_monday_to_friday(String sentence, YearMonth month, LocalDate expected) {
        assertThat(FirstWorkingDay.of(month)).as(sentence).isEqualTo(expected);
    }
}
