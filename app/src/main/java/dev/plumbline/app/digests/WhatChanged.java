package dev.plumbline.app.digests;

import dev.plumbline.sql.psr.ServiceRisk;
import dev.plumbline.sql.psr.SliceRisk;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed from one day to the next (README, "Digests"), from each day's slices over budget (customer x service
 * with a burn above 1, the ROI ranking of that day) and each day's ranking by service. Pure.
 *
 * @param burnsStarted services whose worst slice is over budget on the later day and was not on the earlier one
 * @param newRisks     slices over budget on the later day that were not on the earlier one, the worst first
 * @param recoveries   slices over budget on the earlier day that are not on the later one, the worst (then) first
 */
record WhatChanged(List<ServiceChange> burnsStarted, List<SliceChange> newRisks, List<SliceChange> recoveries) {

    /** A service whose burn went over budget, with its worst burn on the later day. */
    record ServiceChange(String service, String problem, double worstBurn, long customersAffected) {
    }

    /** A slice that crossed its budget, with its burn on the day it was over and its revenue at risk then. */
    record SliceChange(String service, String customer, String label, String kind, double burn, double revenueAtRisk) {

        static SliceChange of(SliceRisk s) {
            String name = s.account().known() && !s.account().name().isBlank() ? s.account().name() : s.customer();
            return new SliceChange(s.service(), s.customer(), name, s.burn().worstKind(), s.burn().badness(),
                    s.money() == null ? 0 : s.money().revenueAtRisk());
        }
    }

    /** Compares {@code before} (the day before yesterday) with {@code after} (yesterday). */
    static WhatChanged between(List<SliceRisk> slicesBefore, List<SliceRisk> slicesAfter,
                               List<ServiceRisk> servicesBefore, List<ServiceRisk> servicesAfter) {
        Map<String, ServiceRisk> earlier = servicesBefore.stream()
                .collect(Collectors.toMap(ServiceRisk::service, Function.identity(), (a, b) -> a));
        List<ServiceChange> started = servicesAfter.stream().filter(WhatChanged::overBudget)
                .filter(s -> earlier.get(s.service()) == null || !overBudget(earlier.get(s.service())))
                .map(s -> new ServiceChange(s.service(), s.problem(), s.worstBadness(), s.customersAffected()))
                .sorted(Comparator.comparingDouble(ServiceChange::worstBurn).reversed()
                        .thenComparing(ServiceChange::service))
                .toList();
        return new WhatChanged(started, onlyIn(slicesAfter, slicesBefore), onlyIn(slicesBefore, slicesAfter));
    }

    boolean isEmpty() {
        return burnsStarted.isEmpty() && newRisks.isEmpty() && recoveries.isEmpty();
    }

    private static boolean overBudget(ServiceRisk s) {
        return s.worstBadness() != null && s.worstBadness() > 1;
    }

    private static List<SliceChange> onlyIn(List<SliceRisk> these, List<SliceRisk> notThose) {
        java.util.Set<String> others = notThose.stream().filter(s -> s.burn().badness() > 1).map(WhatChanged::key)
                .collect(Collectors.toSet());
        return these.stream().filter(s -> s.burn().badness() > 1).filter(s -> !others.contains(key(s)))
                .map(SliceChange::of)
                .sorted(Comparator.comparingDouble(SliceChange::burn).reversed().thenComparing(SliceChange::service)
                        .thenComparing(SliceChange::customer))
                .toList();
    }

    private static String key(SliceRisk s) {
        return s.service() + "\u0000" + s.customer();
    }
}
