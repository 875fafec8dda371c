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
 */
public record Service(String name, String displayName, String description, String ownerTeam, String tier,
                      double effortWeeks) {

    public Service {
        Objects.requireNonNull(name, "name");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        description = description == null ? "" : description;
        ownerTeam = ownerTeam == null ? "" : ownerTeam;
        tier = tier == null ? "" : tier;
        if (!(effortWeeks > 0) || Double.isInfinite(effortWeeks)) {
            throw new IllegalArgumentException("service " + name + ": effort must be a positive number of engineer-weeks, was " + effortWeeks);
        }
    }
}
