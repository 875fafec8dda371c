package dev.plumbline.sql.psr;

/**
 * Narrows a ranking; empty strings and 0 mean "any".
 *
 * @param renewalWithinDays only customers renewing within this many days of today (0: any)
 */
public record RankingFilter(String segment, String region, String plan, String service, String volumeBand,
                            int renewalWithinDays) {

    public static final RankingFilter NONE = new RankingFilter("", "", "", "", "", 0);

    public RankingFilter {
        segment = segment == null ? "" : segment;
        region = region == null ? "" : region;
        plan = plan == null ? "" : plan;
        service = service == null ? "" : service;
        volumeBand = volumeBand == null ? "" : volumeBand;
        if (renewalWithinDays < 0 || renewalWithinDays > 3660) {
            throw new IllegalArgumentException("renewal within days must be 0 to 3660, was " + renewalWithinDays);
        }
    }
}
