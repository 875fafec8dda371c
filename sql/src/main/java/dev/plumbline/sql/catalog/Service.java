package dev.plumbline.sql.catalog;

import java.util.Objects;

/**
 * A service in the catalog.
 *
 * @param name        stable key as telemetry labels it, e.g. {@code search}
 * @param displayName what people call it
 * @param description one line
 * @param ownerTeam   the team that owns it
 * @param tier        criticality tier, e.g. {@code tier-1}
 * @param effortWeeks engineer-weeks a typical reliability fix takes; the ROI model divides by it (default 1)
 * @param runbookUrl  where on-call finds what to do when its alerts fire (an http or https URL), or empty; exported
 *                    alert rules carry it as {@code runbook_url}
 */
public record Service(String name, String displayName, String description, String ownerTeam, String tier,
                      double effortWeeks, String runbookUrl) {

    /** The longest runbook URL kept. */
    public static final int MAX_URL = 2000;

    /** A service without a runbook. */
    public Service(String name, String displayName, String description, String ownerTeam, String tier,
                   double effortWeeks) {
        this(name, displayName, description, ownerTeam, tier, effortWeeks, "");
    }

    public Service {
        Objects.requireNonNull(name, "name");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        description = description == null ? "" : description;
        ownerTeam = ownerTeam == null ? "" : ownerTeam;
        tier = tier == null ? "" : tier;
        if (!(effortWeeks > 0) || Double.isInfinite(effortWeeks)) {
            throw new IllegalArgumentException("service " + name + ": effort must be a positive number of engineer-weeks, was " + effortWeeks);
        }
        runbookUrl = runbookUrl == null ? "" : runbookUrl.strip();
        if (!runbookUrl.isEmpty() && !webUrl(runbookUrl)) {
            throw new IllegalArgumentException("service " + name + ": the runbook URL must be an absolute http or https "
                    + "URL of at most " + MAX_URL + " characters, was '" + (runbookUrl.length() > 80
                    ? runbookUrl.substring(0, 80) + "..." : runbookUrl) + "'");
        }
    }

    private static boolean webUrl(String text) {
        if (text.length() > MAX_URL || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
