package dev.plumbline.sql.auth;

import java.util.List;

/**
 * What a signed-in user or a token may do. Pages and endpoints require permissions; roles are named sets of
 * permissions (configurable, see the application's {@code plumbline.security.roles}).
 */
public final class Permission {

    /** Summary, Review, ROI and Customer pages and their data. */
    public static final String VIEW_BUSINESS = "view-business";
    /** Services and Service pages and their figures. */
    public static final String VIEW_SERVICES = "view-services";
    /** Collectors page and collector state. */
    public static final String VIEW_COLLECTORS = "view-collectors";
    /** ARR, revenue at risk and ROI in money; without it these are absent from pages and API responses. */
    public static final String VIEW_MONEY = "view-money";
    /** Import customers and objectives. */
    public static final String IMPORT = "import";
    /** Record annotations (deploys, launches, incidents, notes). */
    public static final String ANNOTATE = "annotate";
    /** Export reviews and lists. */
    public static final String EXPORT = "export";
    /** Tune alert thresholds and export rules. */
    public static final String TUNE_ALERTS = "tune-alerts";
    /** Save Explore views (private or shared); opening one needs only the permission to see its figures. */
    public static final String SAVE_VIEWS = "save-views";
    /**
     * Create, change and delete triggers and send their test message (the Triggers page, /api/v1/triggers). A trigger
     * chooses customers by ARR and renewal and names who must act, so it is the customer side's (pm) and the
     * administrators' by default; an engineer tunes service alerts with tune-alerts instead.
     */
    public static final String MANAGE_TRIGGERS = "manage-triggers";
    /** Track fixes and mark them shipped (reading them needs view-services; their money view-money). */
    public static final String TRACK_FIXES = "track-fixes";
    /**
     * Push telemetry through Prometheus remote write ({@code POST /api/v1/write}); the collector role has only this, for
     * the token a Prometheus server sends.
     */
    public static final String WRITE_TELEMETRY = "write-telemetry";
    /** Users, tokens, sources and settings. */
    public static final String ADMINISTER = "administer";

    public static final List<String> ALL = List.of(VIEW_BUSINESS, VIEW_SERVICES, VIEW_COLLECTORS, VIEW_MONEY, IMPORT,
            ANNOTATE, EXPORT, TUNE_ALERTS, SAVE_VIEWS, MANAGE_TRIGGERS, TRACK_FIXES, WRITE_TELEMETRY,
            ADMINISTER);

    private Permission() {
    }
}
