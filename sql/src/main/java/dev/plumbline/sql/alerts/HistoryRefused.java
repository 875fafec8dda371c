package dev.plumbline.sql.alerts;

import java.time.Instant;

/**
 * A backtest range the kept minutes cannot serve: per customer or segment, a range that starts (with its longest
 * window before it) before the raw minutes do. The message begins with {@link #field()}, the request parameter to
 * change; {@link #minutesStart()} is when the minutes start.
 */
public final class HistoryRefused extends IllegalArgumentException {

    private final String field;
    private final Instant minutesStart;

    public HistoryRefused(String field, Instant minutesStart, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.minutesStart = minutesStart;
    }

    public String field() {
        return field;
    }

    public Instant minutesStart() {
        return minutesStart;
    }
}
