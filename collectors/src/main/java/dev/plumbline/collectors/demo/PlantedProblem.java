package dev.plumbline.collectors.demo;

import java.time.Instant;
import java.util.Set;

/**
 * A problem the demo platform has on purpose, with its ground truth: which slices it hits, when, and how.
 *
 * @param latencyFactor how much slower requests are (1 = not slower)
 * @param errorRate     the share of requests that fail while it lasts (0 = no extra failures)
 */
public record PlantedProblem(String name, String description, Set<DemoSlice> slices, Instant from, Instant to,
                             double latencyFactor, double errorRate) {

    public PlantedProblem {
        slices = Set.copyOf(slices);
    }

    public boolean hits(DemoSlice slice, Instant at) {
        return !at.isBefore(from) && at.isBefore(to) && slices.contains(slice);
    }
}
