package dev.plumbline.sql.alerts;

import java.time.Instant;

/**
 * A stretch of history an alert should have caught: an incident annotation, or a budget-significant burn found in
 * the minutes ({@link BadEpisodes}).
 *
 * @param start  when the burn started (for an incident: its start)
 * @param end    when it recovered (exclusive)
 * @param origin what found it
 * @param text   the incident's text, or how much of the budget the burn took
 * @param budgetBurned the share of the period's error budget its bad requests took (0-1 and beyond)
 */
public record BadEpisode(Instant start, Instant end, Origin origin, String text, double budgetBurned) {

    /** Where a bad episode comes from. */
    public enum Origin {
        /** an incident annotation */
        INCIDENT,
        /** a budget-significant burn in the minutes */
        BURN,
        /** both: a burn during an incident */
        BOTH
    }

    public boolean overlaps(Instant from, Instant to) {
        return from.isBefore(end) && to.isAfter(start);
    }
}
