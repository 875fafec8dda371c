package dev.plumbline.sql.explore;

import dev.plumbline.sql.psr.ExploreBy;

/**
 * What an Explore view shows: a figure, grouped by one thing, over the slices of one service or all ({@code service}
 * ""), for a period given as the pages and the API take it (a {@code month}, or {@code from} and {@code to}; all three
 * "" for the default month: a saved view without a period follows the calendar).
 */
public record ExploreQuery(ExploreFigure figure, ExploreBy by, String service, String month, String from, String to) {

    public ExploreQuery {
        service = service == null ? "" : service.strip();
        month = month == null ? "" : month.strip();
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
    }
}
