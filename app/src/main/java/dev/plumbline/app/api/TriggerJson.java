package dev.plumbline.app.api;

import dev.plumbline.sql.triggers.SavedTrigger;
import dev.plumbline.sql.triggers.TriggerInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trigger as the API takes it (POST, PUT: fields that are not given take their defaults) and gives it back.
 *
 * @param id                 a new trigger's id (lower-case letters, digits, '-'; 1-64), or none to have one made
 * @param name               what the list and every message call it (1-100 characters)
 * @param figure             health (0-100), slice-burn-rate (x), slice-budget-consumed (share, 1 = all of it) or
 *                           service-revenue-at-risk (reporting currency; needs includeMoney)
 * @param service            the slice's service (required for the slice figures); one service or none for every
 *                           one (service-revenue-at-risk); none for health
 * @param windowHours        the figure is computed over the last this many hours (1-744; default 6)
 * @param comparison         above or below: the subject breaches when the figure is strictly above (below) threshold
 * @param threshold          the value the figure is compared with
 * @param customerIds        only these customers (none: any)
 * @param segment            only customers of this segment
 * @param arrAbove           only customers whose ARR in the reporting currency is above this (absent from a response
 *                           to a caller without view-money)
 * @param renewingWithinDays only customers renewing within this many days (0-3650)
 * @param destination        the name of a configured destination (plumbline.notify.destinations.NAME) of kind
 *                           alertmanager, webhook, slack or email
 * @param owner              the person who must act when it fires: a label and an annotation of every message
 * @param cooldownMinutes    a subject that fired does not fire again within this many minutes (0-43200; default 0)
 * @param onlyOnce           a subject fires at most once, ever (default false)
 * @param enabled            evaluated every plumbline.triggers.interval (default true)
 * @param includeMoney       messages carry the customer's ARR and revenue at risk (default false; setting it needs
 *                           view-money)
 * @param labels             the trigger's own Alertmanager labels on every message, by name (at most 10; names as
 *                           Prometheus allows, not alertname, trigger, customer, service or owner; values 1-200
 *                           characters), e.g. {"severity": "page", "team": "payments"}; severity is warning unless
 *                           given
 * @param version            (response) 1 for the first save, then 2, 3...
 * @param savedBy            (response) who saved this version
 * @param savedAt            (response) when
 */
@Serdeable
public record TriggerJson(@Nullable String id, @Nullable String name, @Nullable String figure,
                          @Nullable String service, @Nullable Integer windowHours, @Nullable String comparison,
                          @Nullable Double threshold, @Nullable List<String> customerIds, @Nullable String segment,
                          @Nullable Double arrAbove, @Nullable Integer renewingWithinDays, @Nullable String destination,
                          @Nullable String owner, @Nullable Integer cooldownMinutes, @Nullable Boolean onlyOnce,
                          @Nullable Boolean enabled, @Nullable Boolean includeMoney,
                          @Nullable Map<String, String> labels, @Nullable Integer version,
                          @Nullable String savedBy, @Nullable Instant savedAt) {

    TriggerInput input() {
        return new TriggerInput(id, name, figure, service, windowHours, comparison, threshold, customerIds, segment,
                arrAbove, renewingWithinDays, destination, owner, cooldownMinutes, onlyOnce, enabled, includeMoney,
                labels);
    }

    static TriggerJson of(SavedTrigger saved, boolean money) {
        TriggerInput t = TriggerInput.of(saved.trigger());
        return new TriggerJson(t.id(), t.name(), t.figure(), t.service(), t.windowHours(), t.comparison(),
                t.threshold(), t.customerIds(), t.segment(), money ? t.arrAbove() : null, t.renewingWithinDays(),
                t.destination(), t.owner(), t.cooldownMinutes(), t.onlyOnce(), t.enabled(), t.includeMoney(),
                t.labels(), saved.version(), saved.savedBy(), saved.savedAt());
    }
}
