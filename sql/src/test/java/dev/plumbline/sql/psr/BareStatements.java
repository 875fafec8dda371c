package dev.plumbline.sql.psr;

import dev.plumbline.sql.NamedQuery;

/**
 * The main statement behind an API answer, as it goes to ClickHouse's HTTP interface ({@code param_NAME=text} URL
 * parameters after a '?', a newline, then the statement): what benchmarks send bare, beside the API.
 */
public final class BareStatements {

    private BareStatements() {
    }

    /** The month's ROI ranking's page of {@code limit} (roi_ranking.sql). */
    public static String ranking(PsrEngine engine, Period period, int limit) {
        return RoiRankingBenchmark.bareQuery(PsrEngine.rankingQuery(),
                engine.rankingParams(period, RankingFilter.NONE, 0, limit));
    }

    /** The summary's customer totals and largest risks in one pass over the slices (summary_risks.sql). */
    public static String summaryRisks(PsrEngine engine, Period period, int top) {
        return RoiRankingBenchmark.bareQuery(NamedQuery.load(PsrEngine.class, "summary_risks.sql"),
                engine.psrParams(period).and("limit", top));
    }

    /** Figures per service (service_figures.sql). */
    public static String serviceFigures(Period period) {
        return RoiRankingBenchmark.bareQuery(NamedQuery.load(PsrEngine.class, "service_figures.sql"), PsrEngine.range(period));
    }
}
