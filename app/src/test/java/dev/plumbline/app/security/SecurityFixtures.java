package dev.plumbline.app.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Security properties as configured by default, for unit tests. */
final class SecurityFixtures {

    static final Map<String, List<String>> ROLES = Map.of(
            "exec", List.of("view-business", "view-services", "view-money"),
            "pm", List.of("view-business", "view-services", "view-money", "import", "annotate", "export",
                    "save-views", "manage-triggers", "track-fixes"),
            "engineer", List.of("view-services", "view-collectors", "tune-alerts"),
            "admin", List.of("view-business", "view-services", "view-collectors", "view-money", "import", "annotate",
                    "export", "tune-alerts", "save-views", "manage-triggers", "track-fixes", "write-telemetry",
                    "administer"),
            "collector", List.of("write-telemetry"));

    private SecurityFixtures() {
    }

    static SecurityProperties properties() {
        return new SecurityProperties(ROLES, "admin", null, 4, 10, 3, Duration.ofMinutes(15), Duration.ofHours(8),
                Duration.ofSeconds(10));
    }
}
