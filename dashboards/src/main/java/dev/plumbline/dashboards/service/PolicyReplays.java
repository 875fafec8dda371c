package dev.plumbline.dashboards.service;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * What the alert policies saved for a service's objectives would have done: the Service page's "what this policy
 * would have fired last month". Implemented by the application with the same backtest as the API
 * ({@code POST /api/v1/alerts/backtest} with the saved policy as the one candidate).
 */
public interface PolicyReplays {

    /** The calendar month before the current one (UTC, the application's clock). */
    YearMonth lastMonth();

    /** For each objective of {@code service} with a saved alert policy, its replay over {@link #lastMonth()}. */
    List<Replay> lastMonth(String service);

    /**
     * One saved policy replayed over a month.
     *
     * @param version  the saved version replayed (the current one)
     * @param alerts   firing episodes of any of its rules
     * @param pages    firing episodes of its page rules
     * @param episodes bad episodes of the month (incidents and budget-significant burns)
     * @param caught   bad episodes during which it fired
     * @param missed   bad episodes during which it did not
     * @param note     which minutes were replayed and what was missing, in a sentence
     */
    record Replay(String objective, String policy, int version, String savedBy, Instant savedAt, Instant from,
                  Instant to, int alerts, int pages, int episodes, int caught, int missed, String note) {
    }
}
