package dev.plumbline.sql.psr;

import java.util.List;

/**
 * One group of a period's slices on the Explore page (psr/explore_groups.sql): a service, a segment, region, plan or
 * data-volume band of customers, or one customer.
 *
 * @param key              the group's value ("" for customers without it: no record, or the attribute not given)
 * @param label            what a reader recognises: the customer's name when grouping by customer and it is known,
 *                         "(unknown)" for the empty key, else the key
 * @param customersOutside customers with a slice in the group outside an objective (badness over 1)
 * @param revenueAtRisk    the group's slices' revenue at risk, in the reporting currency (as the ROI ranking)
 * @param services         the services whose slices are in the group
 * @param figures          requests, errors, availability, percentiles of the merged histogram (null with a note when
 *                         the bucket bounds differ across the group's services), average throughput; no objective is
 *                         judged (objectives belong to one service)
 */
public record ExploreGroup(String key, String label, long customersOutside, double revenueAtRisk, List<String> services,
                           Figures figures) {

    public ExploreGroup {
        services = List.copyOf(services);
    }
}
