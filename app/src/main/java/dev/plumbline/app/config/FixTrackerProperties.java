package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Posting tracked fixes to an issue tracker: plumbline.fixes.tracker.* (environment PLUMBLINE_FIXES_TRACKER_...).
 * destination: a configured destination of kind tracker (its url is the create-issue endpoint, its authorization the
 * token); none: fixes are not posted. preset: github (POST /repos/OWNER/REPO/issues) or jira (POST /rest/api/2/issue);
 * template: a JSON template of one's own instead ({{title}}, {{description}}, {{service}}, {{problem}},
 * {{customers}}, {{owner}}, {{target_date}}, {{hypothesis}}, {{link}}, {{project}}); project: the Jira project key.
 */
@ConfigurationProperties(FixTrackerProperties.PREFIX)
public record FixTrackerProperties(@Nullable String destination, @Nullable String preset, @Nullable String template,
                                   @Nullable String project) {

    public static final String PREFIX = "plumbline.fixes.tracker";
}
