package dev.plumbline.sql.triggers;

import java.util.List;
import java.util.Map;

/**
 * A trigger as a request body or the form gives it: every field may be missing (null) until it is checked.
 *
 * @param id                 a new trigger's id (lower-case letters, digits and '-', 1-64), or null to have one made
 * @param figure             health, slice-burn-rate, slice-budget-consumed or service-revenue-at-risk
 * @param service            the slice's service (slice figures); one service or none (revenue at risk); none (health)
 * @param windowHours        how many hours back the figure is computed (1-744; default 6)
 * @param comparison         above or below
 * @param threshold          the value the figure is compared with
 * @param customerIds        only these customers (none: any)
 * @param segment            only customers of this segment
 * @param arrAbove           only customers whose ARR (reporting currency) is above this
 * @param renewingWithinDays only customers renewing within this many days from today (0-3650)
 * @param destination        a configured destination's name (alertmanager, webhook, slack or email)
 * @param owner              who must act (a name or an address), carried in every message
 * @param cooldownMinutes    no new firing of a subject within this many minutes of its last one (default 0)
 * @param onlyOnce           a subject fires at most once (default false)
 * @param enabled            evaluated (default true)
 * @param includeMoney       messages may carry ARR and revenue at risk (default false; needs view-money)
 * @param labels             the trigger's own Alertmanager labels (severity, team, ...; none: severity warning)
 */
public record TriggerInput(String id, String name, String figure, String service, Integer windowHours,
                           String comparison, Double threshold, List<String> customerIds, String segment,
                           Double arrAbove, Integer renewingWithinDays, String destination, String owner,
                           Integer cooldownMinutes, Boolean onlyOnce, Boolean enabled, Boolean includeMoney,
                           Map<String, String> labels) {

    /** The input that gives {@code t} back. */
    public static TriggerInput of(Trigger t) {
        Rule r = t.rule();
        CustomerSet c = t.customers();
        return new TriggerInput(t.id(), t.name(), r.figure().key(), r.service(), (int) r.window().toHours(),
                r.comparison().key(), r.threshold(), c.ids(), c.segment(), c.arrAbove(), c.renewingWithinDays(),
                t.destination(), t.owner(), (int) t.cooldown().toMinutes(), t.onlyOnce(), t.enabled(),
                t.includeMoney(), t.labels());
    }
}
