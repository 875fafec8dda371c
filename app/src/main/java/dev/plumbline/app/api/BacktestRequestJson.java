package dev.plumbline.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What to backtest: candidates for one objective of a service, over its whole traffic or one customer's or one
 * segment's, over a range of minutes.
 *
 * @param service       the service
 * @param objective     one of its objectives (availability, or latency against its threshold)
 * @param customer      only this customer's requests (raw minutes: the range must lie within the raw TTL)
 * @param segment       only the requests of this segment's customers (as of today); not with customer
 * @param from          an ISO-8601 instant on a whole minute; default: 90 days before {@code to}, or for a customer
 *                      or segment the earliest start the raw minutes allow, if later
 * @param to            an ISO-8601 instant on a whole minute (exclusive); default and at most: the current minute
 * @param candidates    1 to 20 candidate policies, with names unique among them
 * @param businessHours when pages wake nobody (default 09:00-18:00 UTC, Monday to Friday)
 * @param cooldown      an alert firing again less than this after it resolved is a flap (default 30m)
 */
@Serdeable
public record BacktestRequestJson(@Nullable String service, @Nullable String objective, @Nullable String customer,
                                  @Nullable String segment, @Nullable String from, @Nullable String to,
                                  @Nullable List<AlertPolicyJson> candidates, @Nullable BusinessHours businessHours,
                                  @Nullable String cooldown) {

    /**
     * Business hours: a page that starts outside them is counted as off hours.
     *
     * @param zone     a time zone such as Europe/Berlin (default UTC)
     * @param start    the day's start, e.g. 09:00 (inclusive; default 09:00)
     * @param end      the day's end, e.g. 18:00 (exclusive; default 18:00)
     * @param workdays e.g. [monday, tuesday, wednesday, thursday, friday] (the default)
     */
    @Serdeable
    public record BusinessHours(@Nullable String zone, @Nullable String start, @Nullable String end,
                                @Nullable List<String> workdays) {
    }
}
