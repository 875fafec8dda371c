package dev.plumbline.sql.digests;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The digests a subscription can receive, each with its default schedule (README, "Digests"). */
public enum DigestKind {

    /** The Summary page's figures for the last seven days, a chart and links back; Mondays 08:00. */
    WEEKLY_EXECUTIVE_SUMMARY("0 8 * * 1"),
    /** The previous month's PSR review with its PDF; the month's first working day (Mon-Fri) 08:00. */
    MONTHLY_PSR_REVIEW(FirstWorkingDay.PREFIX + " 08:00"),
    /** What changed yesterday against the day before: new risks, burns that started, recoveries; daily 07:00. */
    DAILY_WHAT_CHANGED("0 7 * * *");

    private final String defaultSchedule;

    DigestKind(String defaultSchedule) {
        this.defaultSchedule = defaultSchedule;
    }

    /** The schedule a subscription gets when it names none. */
    public Schedule defaultSchedule() {
        return Schedule.parse(defaultSchedule);
    }

    /** As written in the API and the store: weekly-executive-summary. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind labelled {@code label}; fails naming {@code field} and the known labels. */
    public static DigestKind parse(String field, String label) {
        for (DigestKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(field + ": unknown digest kind '" + label + "'; known: "
                + Arrays.stream(values()).map(DigestKind::label).collect(Collectors.joining(", ")));
    }
}
