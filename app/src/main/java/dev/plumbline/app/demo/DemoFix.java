package dev.plumbline.app.demo;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's tracked fix: the planted checkout deploy regression (10% failures for two hours, then
 * {@link DemoTraffic#RESIDUAL_ERROR_RATE} for checkout's busiest customers), tracked for those customers with the
 * hypothesis "error ratio below checkout's budget", and shipped with the rollback {@link DemoTraffic#ROLLBACK_AFTER}
 * after the deploy (a deploy annotation of its own). The rollback is five days old, so its effect is measured on
 * whole days before and after it: what the demo's history says, not a figure written here.
 */
final class DemoFix {

    private DemoFix() {
    }

    /** Tracks and ships the demo's fix, unless a fix is tracked already or the deploy is outside the history. */
    static Optional<TrackedFix> seed(DemoTraffic traffic, FixStore fixes, FixEffects effects, AnnotationStore annotations,
                                     double checkoutTarget, LocalDate today) {
        Optional<PlantedProblem> residual = traffic.planted().stream()
                .filter(p -> p.name().equals("checkout-deploy-residual")).findFirst();
        if (residual.isEmpty() || !fixes.all().isEmpty()) {
            return Optional.empty();
        }
        PlantedProblem p = residual.get();
        List<String> customers = p.slices().stream().map(DemoSlice::customer).sorted().toList();
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
