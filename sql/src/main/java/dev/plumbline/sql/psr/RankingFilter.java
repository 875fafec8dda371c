package dev.plumbline.sql.psr;

import java.util.List;

/**
 * Narrows a ranking; empty strings and 0 mean "any".
 *
 * @param volumeBand        one of {@link #VOLUME_BANDS}, or empty
 * @param renewalWithinDays only customers renewing within this many days of today (0: any)
 */
public record RankingFilter(String segment, String region, String plan, String service, String volumeBand,
                            int renewalWithinDays) {

    public static final RankingFilter NONE = new RankingFilter("", "", "", "", "", 0);
    /** The data-volume bands, smallest first, as the ranking's SQL names them. */
    public static final List<String> VOLUME_BANDS = List.of("<10 GB", "10-100 GB", "100 GB-1 TB", "1-10 TB", ">=10 TB");

    public RankingFilter {
        segment = segment == null ? "" : segment;
        region = region == null ? "" : region;
        plan = plan == null ? "" : plan;
        service = service == null ? "" : service;
        volumeBand = volumeBand == null ? "" : volumeBand;
        if (!volumeBand.isEmpty() && !VOLUME_BANDS.contains(volumeBand)) {
            throw new IllegalArgumentException("volumeBand: must be one of " + String.join(", ", VOLUME_BANDS)
                    + ", was '" + (volumeBand.length() > 40 ? volumeBand.substring(0, 40) + "..." : volumeBand) + "'");
        }
        if (renewalWithinDays < 0 || renewalWithinDays > 3660) {
            throw new IllegalArgumentException("renewalWithinDays: must be 0 to 3660, was " + renewalWithinDays);
        }
    }

    /** The values present in the data for each filter, sorted (what the ROI page offers). */
    public record Values(List<String> segments, List<String> regions, List<String> plans, List<String> services) {

        public Values {
            segments = List.copyOf(segments);
            regions = List.copyOf(regions);
            plans = List.copyOf(plans);
            services = List.copyOf(services);
        }

        /** The value of {@code values} that {@code typed} names whatever its case; "" when none does. Pure. */
        public static String match(List<String> values, String typed) {
            return typed == null ? "" : values.stream().filter(v -> v.equalsIgnoreCase(typed.strip())).findFirst().orElse("");
        }
    }

    /** Whether any filter is set: an empty ranking then says nothing about the slices it leaves out. */
    public boolean any() {
        return !segment.isEmpty() || !region.isEmpty() || !plan.isEmpty() || !service.isEmpty() || !volumeBand.isEmpty()
                || renewalWithinDays > 0;
    }
}
