package dev.plumbline.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of figures, a ranking or health scores for a period.
 *
 * @param period       the period the items are of
 * @param comparedWith the period the month-over-month changes compare with (null where there are none)
 * @param total        items in the whole list
 * @param offset       index of the first item of this page
 * @param limit        the most items a page holds
 * @param items        this page's items
 */
@Serdeable
public record PsrPage<T>(Periods.PeriodInfo period, @Nullable Periods.PeriodInfo comparedWith, long total, int offset,
                         int limit, List<T> items) {
}
