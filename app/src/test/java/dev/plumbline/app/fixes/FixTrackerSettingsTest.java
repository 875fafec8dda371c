package dev.plumbline.app.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.app.config.DestinationProperties;
import dev.plumbline.app.config.FixTrackerProperties;
import dev.plumbline.app.config.WebProperties;
import dev.plumbline.app.notify.Destinations;
import dev.plumbline.sql.fixes.TrackerBody;
import dev.plumbline.sql.outbox.OutboxStore;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FixTrackerSettingsTest {

    private static final Destinations DESTINATIONS = new Destinations(List.of(
            new DestinationProperties("github", "tracker", "https://api.github.com/repos/acme/platform/issues", null, null),
            new DestinationProperties("oncall", "webhook", "https://hooks.example.com/x", null, null)));
    private static final OutboxStore OUTBOX = new OutboxStore(null, Clock.systemUTC());
    private static final WebProperties WEB = new WebProperties("https://plumbline.example.com/");

    @Test
    void without_a_destination_fixes_are_not_posted() {
        assertThat(FixesFactory.trackerPost(new FixTrackerProperties(null, "github", null, null), DESTINATIONS, OUTBOX,
                WEB)).isEmpty();
    }

    @Test
    void a_preset_gives_its_template_and_the_link_is_the_improvements_page() {
        var post = FixesFactory.trackerPost(new FixTrackerProperties("github", "GitHub", null, null), DESTINATIONS,
                OUTBOX, WEB).orElseThrow();
        assertThat(post.template()).isEqualTo(TrackerBody.GITHUB);
        assertThat(post.pageUrl()).isEqualTo("https://plumbline.example.com/improvements");
        assertThat(FixesFactory.trackerPost(new FixTrackerProperties("github", "jira", null, "OPS"), DESTINATIONS,
                OUTBOX, WEB).orElseThrow().template()).isEqualTo(TrackerBody.JIRA);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} is refused: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "nowhere | github | -                     | -   | plumbline.fixes.tracker.destination: 'nowhere' is not configured",
        "oncall  | github | -                     | -   | plumbline.fixes.tracker.destination: 'oncall' is of kind webhook, not tracker",
        "github  | gitlab | -                     | -   | plumbline.fixes.tracker.preset: 'gitlab' is not github or jira",
        "github  | -      | -                     | -   | plumbline.fixes.tracker.preset: '' is not github or jira",
        "github  | jira   | -                     | -   | plumbline.fixes.tracker.project: the Jira project key is required",
        "github  | -      | '{\"k\":\"{{project}}\"}' | -   | plumbline.fixes.tracker.project: the Jira project key is required",
    })
    void a_wrong_setting_stops_the_start_naming_its_key(String destination, String preset, String template,
                                                       String project, String message) {
        assertThatThrownBy(() -> FixesFactory.trackerPost(new FixTrackerProperties(destination, preset, template,
                project), DESTINATIONS, OUTBOX, WEB)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
