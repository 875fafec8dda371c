package dev.plumbline.app.demo;

import dev.plumbline.collectors.demo.DemoCustomer;
import dev.plumbline.collectors.demo.DemoSlice;
import dev.plumbline.collectors.demo.DemoTraffic;
import dev.plumbline.collectors.demo.PlantedProblem;
import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.fixes.FixEffects;
import dev.plumbline.sql.fixes.FixStore;
import dev.plumbline.sql.fixes.Hypothesis;
import dev.plumbline.sql.fixes.TrackedFix;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demo's tracked fix: the planted checkout deploy regression, tracked for its five busiest customers with the
 * hypothesis "error ratio below checkout's budget", and shipped with the rollback two hours after the deploy (a
 * deploy annotation of its own). The rollback is recent, so the fix shows as shipped and measuring until three whole
 * days have passed; from then on its measured effect is what the demo's history says.
 */
final class DemoFix {

    /** How many of the checkout customers the demo's fix is tracked for (the busiest). */
    static final int CUSTOMERS = 5;

    private DemoFix() {
    }

    /** Tracks and ships the demo's fix, unless a fix is tracked already or the deploy is outside the history. */
    static Optional<TrackedFix> seed(DemoTraffic traffic, FixStore fixes, FixEffects effects, AnnotationStore annotations,
                                     double checkoutTarget, LocalDate today) {
        Optional<PlantedProblem> deploy = traffic.planted().stream().filter(p -> p.name().equals("checkout-deploy"))
                .findFirst();
        if (deploy.isEmpty() || !fixes.all().isEmpty()) {
            return Optional.empty();
        }
        PlantedProblem p = deploy.get();
        Set<String> hit = p.slices().stream().map(DemoSlice::customer).collect(Collectors.toSet());
        List<String> customers = traffic.customers().stream().filter(c -> hit.contains(c.id()))
                .sorted(Comparator.comparingDouble(DemoCustomer::rps).reversed().thenComparing(DemoCustomer::id))
                .limit(CUSTOMERS).map(DemoCustomer::id).toList();
        Hypothesis hypothesis = new Hypothesis(Hypothesis.Figure.ERROR_RATIO, Hypothesis.Comparison.BELOW,
                1 - checkoutTarget);
        Annotation rollback = new Annotation(UUID.nameUUIDFromBytes(("rollback " + p.to()).getBytes(StandardCharsets.UTF_8)),
                p.to(), null, "checkout", "", AnnotationKind.DEPLOY, "checkout 7.2.4 (rollback of 7.3.0)", "");
        annotations.insert(List.of(rollback));
        TrackedFix tracked = fixes.track(new FixStore.Plan("Roll back checkout 7.3.0", "checkout", "availability",
                customers, effects.snapshot("checkout", customers, hypothesis.figure()), "demo pm", today.plusDays(14),
                hypothesis), "demo");
        return fixes.shipped(tracked.id(), p.to(), rollback.id(), "demo");
    }
}
