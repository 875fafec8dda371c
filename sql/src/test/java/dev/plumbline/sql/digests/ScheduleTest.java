package dev.plumbline.sql.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

    @ParameterizedTest(name = "{0}: {1} in {2}, after {3} up to {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            Monday 08:00 in Berlin (CET) is 07:00 UTC                       | 0 8 * * 1 | Europe/Berlin    | 2026-11-16T06:00:00Z | 2026-11-16T07:00:00Z | 2026-11-16T07:00:00Z
            a minute before the run nothing is due                          | 0 8 * * 1 | Europe/Berlin    | 2026-11-16T06:00:00Z | 2026-11-16T06:59:00Z | none
            a run already made is not due again                             | 0 8 * * 1 | Europe/Berlin    | 2026-11-16T07:00:00Z | 2026-11-16T12:00:00Z | none
            two missed weeks give only the latest Monday                    | 0 8 * * 1 | Europe/Berlin    | 2026-11-01T00:00:00Z | 2026-11-20T12:00:00Z | 2026-11-16T07:00:00Z
            Monday 08:00 in Berlin in summer (CEST) is 06:00 UTC            | 0 8 * * 1 | Europe/Berlin    | 2026-06-01T00:00:00Z | 2026-06-01T12:00:00Z | 2026-06-01T06:00:00Z
            daily 07:00 in Berlin on the day summer time starts             | 0 7 * * * | Europe/Berlin    | 2026-03-28T12:00:00Z | 2026-03-29T12:00:00Z | 2026-03-29T05:00:00Z
            daily 07:00 in Berlin on the day summer time ends               | 0 7 * * * | Europe/Berlin    | 2026-10-24T12:00:00Z | 2026-10-25T12:00:00Z | 2026-10-25T06:00:00Z
            02:30 in Berlin does not exist when summer time starts: no run  | 30 2 * * * | Europe/Berlin   | 2026-03-28T01:30:00Z | 2026-03-29T12:00:00Z | none
            daily 07:00 in New York on the day summer time ends (EST)       | 0 7 * * * | America/New_York | 2026-10-31T12:00:00Z | 2026-11-01T13:00:00Z | 2026-11-01T12:00:00Z
            01:30 in New York happens twice when summer time ends: the first | 30 1 * * * | America/New_York | 2026-10-31T12:00:00Z | 2026-11-01T06:45:00Z | 2026-11-01T05:30:00Z
            and the second 01:30 is not a second run                        | 30 1 * * * | America/New_York | 2026-11-01T05:30:00Z | 2026-11-01T06:45:00Z | none
            daily 07:00 in New York on the day summer time starts (EDT)     | 0 7 * * * | America/New_York | 2026-03-07T12:00:00Z | 2026-03-08T12:00:00Z | 2026-03-08T11:00:00Z
            the first working day of November 2026 is Monday the 2nd        | @first-working-day 08:00 | Europe/Berlin | 2026-10-15T00:00:00Z | 2026-11-20T12:00:00Z | 2026-11-02T07:00:00Z
            before November's first working day, October's is the latest    | @first-working-day 08:00 | Europe/Berlin | 2026-09-15T00:00:00Z | 2026-11-01T12:00:00Z | 2026-10-01T06:00:00Z
            the first working day's run already made is not due again       | @first-working-day 08:00 | Europe/Berlin | 2026-11-02T07:00:00Z | 2026-11-20T12:00:00Z | none
            the first working day at 08:00 in New York                      | @first-working-day 08:00 | America/New_York | 2027-04-20T00:00:00Z | 2027-05-03T12:00:00Z | 2027-05-03T12:00:00Z
            """)
    void the_latest_run_is_the_last_scheduled_instant_in_the_window(String sentence, String schedule, String zone,
                                                                     Instant after, Instant upTo, Instant expected) {
        assertThat(Schedule.parse(schedule).latestRun(after, upTo, ZoneId.of(zone)))
                .as(sentence).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            61 8 * * 1               | Value 61 not in range
            0 8 * *                  | contains 4 parts
            0 0 8 * * 1              | contains 6 parts
            every monday             | not a UNIX cron expression
            @first-working-day 25:00 | is not a time HH:MM
            @last-working-day 08:00  | the only rule is
            """)
    void a_bad_schedule_is_refused_naming_the_field(String schedule, String reason) {
        assertThatThrownBy(() -> Schedule.parse(schedule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("schedule: ").hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "the default of {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WEEKLY_EXECUTIVE_SUMMARY | 0 8 * * 1
            MONTHLY_PSR_REVIEW       | @first-working-day 08:00
            DAILY_WHAT_CHANGED       | 0 7 * * *
            """)
    void every_kind_has_its_default_schedule(DigestKind kind, String schedule) {
        assertThat(kind.defaultSchedule().text()).isEqualTo(schedule);
    }
}
