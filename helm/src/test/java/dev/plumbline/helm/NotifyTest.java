package dev.plumbline.helm;

import static dev.plumbline.helm.Chart.at;
import static dev.plumbline.helm.Chart.list;
import static dev.plumbline.helm.Chart.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.helm.Chart.Manifests;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Notifications: destinations in a ConfigMap read as configuration, authorizations and the SMTP password from Secrets. */
@DisplayName("the notifications")
class NotifyTest {

    private static Manifests render(Map<String, ?> sets) {
        Map<String, Object> all = new LinkedHashMap<>(sets);
        all.putIfAbsent("clickhouse.url", "http://clickhouse:8123");
        return Chart.render(null, all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> destinations(Manifests m) {
        Map<String, Object> notify = m.ofKind("ConfigMap").stream()
                .filter(c -> at(c, "metadata.name").equals("plumbline-notify")).findFirst().orElseThrow();
        String file = (String) map(notify.get("data")).get("notify.yml");
        return map(at((Map<String, Object>) Chart.yaml().load(file), "plumbline.notify.destinations"));
    }

    @Test
    @DisplayName("by default: the worker on with the app's retry defaults, no destination, no SMTP")
    void defaults() {
        Manifests m = render(Map.of());
        assertThat(m.ofKind("ConfigMap")).isEmpty();
        assertThat(m.env().get("PLUMBLINE_NOTIFY_DELIVERY_ENABLED").get("value")).isEqualTo("true");
        assertThat(m.env().get("PLUMBLINE_NOTIFY_RETRY_INITIAL").get("value")).isEqualTo("30s");
        assertThat(m.env().get("PLUMBLINE_NOTIFY_RETRY_MAX_ATTEMPTS").get("value")).isEqualTo("10");
        assertThat(m.env()).doesNotContainKeys("PLUMBLINE_SMTP_HOST", "PLUMBLINE_SMTP_PASSWORD", "MICRONAUT_CONFIG_FILES",
                "PLUMBLINE_FIXES_TRACKER_DESTINATION", "PLUMBLINE_FIXES_TRACKER_PRESET");
    }

    @Test
    @DisplayName("posts tracked fixes to a tracker destination with its preset and Jira project")
    void fixesTracker() {
        Manifests m = render(Map.of("notify.destinations.jira.kind", "tracker",
                "notify.destinations.jira.url", "https://acme.atlassian.net/rest/api/2/issue",
                "notify.destinations.jira.existingSecret", "jira-token",
                "fixes.tracker.destination", "jira", "fixes.tracker.preset", "jira", "fixes.tracker.project", "OPS"));

        assertThat(m.env().get("PLUMBLINE_FIXES_TRACKER_DESTINATION").get("value")).isEqualTo("jira");
        assertThat(m.env().get("PLUMBLINE_FIXES_TRACKER_PRESET").get("value")).isEqualTo("jira");
        assertThat(m.env().get("PLUMBLINE_FIXES_TRACKER_PROJECT").get("value")).isEqualTo("OPS");
        assertThat(map(destinations(m).get("jira"))).containsEntry("kind", "tracker");
    }

    @Test
    @DisplayName("renders destinations with the authorization as an env placeholder from its Secret, and SMTP")
    void destinationsAndSmtp() {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("notify.destinations.ops-hook.kind", "webhook");
        sets.put("notify.destinations.ops-hook.url", "https://hooks.example.com/p");
        sets.put("notify.destinations.ops-hook.existingSecret", "hook-auth");
        sets.put("notify.destinations.executives.kind", "email");
        sets.put("notify.destinations.executives.recipients[0]", "ceo@example.com");
        sets.put("notify.destinations.executives.recipients[1]", "cfo@example.com");
        sets.put("collectors.prometheus.main.url", "http://prometheus:9090");
        sets.put("smtp.host", "smtp.example.com");
        sets.put("smtp.username", "plumbline");
        sets.put("smtp.from", "plumbline@example.com");
        sets.put("smtp.existingSecret", "smtp-credentials");
        Manifests m = render(sets);

        Map<String, Object> destinations = destinations(m);
        assertThat(map(destinations.get("ops-hook"))).containsEntry("kind", "webhook")
                .containsEntry("url", "https://hooks.example.com/p")
                .containsEntry("authorization", "${PLUMBLINE_DESTINATION_OPS_HOOK_AUTHORIZATION}");
        assertThat(map(destinations.get("executives"))).containsEntry("kind", "email")
                .containsEntry("recipients", java.util.List.of("ceo@example.com", "cfo@example.com"))
                .doesNotContainKey("authorization");
        assertThat(at(m.env().get("PLUMBLINE_DESTINATION_OPS_HOOK_AUTHORIZATION"), "valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "hook-auth", "key", "authorization"));
        assertThat(at(m.env().get("PLUMBLINE_SMTP_PASSWORD"), "valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "smtp-credentials", "key", "password"));
        assertThat(m.env().get("PLUMBLINE_SMTP_HOST").get("value")).isEqualTo("smtp.example.com");
        assertThat(m.env().get("PLUMBLINE_SMTP_STARTTLS").get("value")).isEqualTo("required");
        assertThat(m.env().get("MICRONAUT_CONFIG_FILES").get("value"))
                .isEqualTo("/etc/plumbline/collectors.yml,/etc/plumbline-notify/notify.yml");
        assertThat(list(m.podSpec().get("volumes"))).anySatisfy(v -> assertThat(map(v)).containsEntry("name", "notify")
                .containsEntry("configMap", Map.of("name", "plumbline-notify")));
        assertThat(at(m.deployment(), "spec.template.metadata.annotations")).asString().contains("checksum/notify");
    }

    @Test
    @DisplayName("refuses a destination or SMTP without its required parts, naming the value")
    void refusals() {
        assertThatThrownBy(() -> render(Map.of("notify.destinations.hook.url", "http://h")))
                .hasMessageContaining("notify.destinations.hook.kind is required");
        assertThatThrownBy(() -> render(Map.of("notify.destinations.hook.kind", "pager")))
                .hasMessageContaining("notify.destinations.hook.kind: alertmanager, webhook, slack, email or tracker, was pager");
        assertThatThrownBy(() -> render(Map.of("notify.destinations.hook.kind", "slack")))
                .hasMessageContaining("notify.destinations.hook.url is required for a slack destination");
        assertThatThrownBy(() -> render(Map.of("notify.destinations.Hook.kind", "slack")))
                .hasMessageContaining("notify.destinations.Hook: a destination name is 1-63 lower-case letters");
        assertThatThrownBy(() -> render(Map.of("smtp.host", "smtp.example.com")))
                .hasMessageContaining("smtp.from is required with smtp.host");
        assertThatThrownBy(() -> render(Map.of("smtp.host", "smtp.example.com", "smtp.from", "p@example.com",
                "smtp.username", "plumbline"))).hasMessageContaining("smtp.existingSecret is required with smtp.username");
    }
}
