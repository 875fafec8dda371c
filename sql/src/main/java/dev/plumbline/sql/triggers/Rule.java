package dev.plumbline.sql.triggers;

import java.time.Duration;
import java.util.Objects;

/**
 * What a trigger watches: a figure over the last {@code window}, compared with a threshold.
 *
 * @param service   the service of a slice figure (required); for a service figure one service, or "" for every one;
 *                  "" for health
 * @param window    how far back the figure is computed from the evaluation's instant (whole minutes, 1 hour to 31 days)
 */
public record Rule(Figure figure, String service, Duration window, Comparison comparison, double threshold) {

    public static final Duration SHORTEST = Duration.ofHours(1);
    public static final Duration LONGEST = Duration.ofDays(31);

    public Rule {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(comparison, "comparison");
        service = Objects.requireNonNullElse(service, "").strip();
    }
}
