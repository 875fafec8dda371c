package dev.plumbline.sql.digests;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a subscription's digest is sent, in the recipient's time zone: a UNIX cron expression (5 fields: minute, hour,
 * day of month, month, day of week; parsed and evaluated by cron-utils), or the rule {@code @first-working-day HH:MM}
 * (the month's first Monday to Friday, which cron cannot express; see {@link FirstWorkingDay}).
 */
public sealed interface Schedule permits Schedule.Cron, FirstWorkingDay {

    /** The schedule as written. */
    String text();

    /** The latest run in (after, upTo], if there is one. */
    Optional<Instant> latestRun(Instant after, Instant upTo, ZoneId zone);

    /** Parses {@code text}; fails with a message beginning "schedule: ". */
    static Schedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("schedule: required (a UNIX cron expression like '0 8 * * 1', or '"
                    + FirstWorkingDay.PREFIX + " 08:00')");
        }
        String written = text.strip();
        return written.startsWith("@") ? FirstWorkingDay.parse(written) : Cron.parse(written);
    }

    /**
     * A UNIX cron expression in the recipient's zone. A wall-clock time the zone repeats (autumn's DST change) runs
     * once, at its first occurrence; a time the zone skips (spring's) does not run that day, as cron-utils evaluates
     * it (README, "Digests").
     */
    record Cron(String text) implements Schedule {

        private static final CronParser PARSER =
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

        public Cron {
            parsed(text);
        }

        static Cron parse(String text) {
            return new Cron(text);
        }

        private static com.cronutils.model.Cron parsed(String text) {
            try {
                com.cronutils.model.Cron cron = PARSER.parse(text);
                cron.validate();
                return cron;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("schedule: '" + text + "' is not a UNIX cron expression (minute hour "
                        + "day-of-month month day-of-week): " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<Instant> latestRun(Instant after, Instant upTo, ZoneId zone) {
            ExecutionTime times = ExecutionTime.forCron(parsed(text));
            ZonedDateTime end = upTo.atZone(zone);
            ZonedDateTime minute = end.truncatedTo(ChronoUnit.MINUTES);
            Optional<ZonedDateTime> last = times.isMatch(minute) ? Optional.of(minute) : times.lastExecution(end);
            return last.map(ZonedDateTime::withEarlierOffsetAtOverlap).map(ZonedDateTime::toInstant).filter(t -> t.isAfter(after) && !t.isAfter(upTo));
        }
    }
}
