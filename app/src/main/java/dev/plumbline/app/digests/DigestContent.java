package dev.plumbline.app.digests;

import dev.plumbline.app.config.WebProperties;
import dev.plumbline.dashboards.review.ReviewPdf;
import dev.plumbline.dashboards.summary.SummaryCards;
import dev.plumbline.sql.digests.DigestKind;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.RankingFilter;
import dev.plumbline.sql.psr.ServiceRisk;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes a digest from the engine's figures (the same as the pages'), for a run at an instant in the recipient's
 * zone: the weekly summary covers the seven whole UTC days before the run's local date (against the seven before);
 * the monthly review the calendar month before the run's; "what changed" the day before the run's local date against
 * the day before that.
 */
@Singleton
public class DigestContent {

    /** How many over-budget slices of a day "what changed" compares (the largest ROI first). */
    static final int SLICES = 1000;
    private static final int RISKS = 5;

    private final PsrEngine engine;
    private final Links links;

    public DigestContent(PsrEngine engine, WebProperties web) {
        this.engine = engine;
        this.links = new Links(web.externalUrl());
    }

    /** The digest {@code kind} for a run at {@code run} in {@code zone}, as {@code reader} may read it. */
    public Mail write(DigestKind kind, Instant run, ZoneId zone, Reader reader) {
        LocalDate day = run.atZone(zone).toLocalDate();
        String currency = engine.rates().reporting();
        return switch (kind) {
            case WEEKLY_EXECUTIVE_SUMMARY -> weekly(Period.days(day.minusDays(7), day.minusDays(1)), reader, currency);
            case MONTHLY_PSR_REVIEW -> monthly(YearMonth.from(day).minusMonths(1), reader, currency);
            case DAILY_WHAT_CHANGED -> daily(day.minusDays(1), reader, currency);
        };
    }

    private Mail weekly(Period period, Reader reader, String currency) {
        return WeeklySummaryMail.write(new WeeklySummaryMail.Figures(PeriodParameters.label(period),
                PeriodParameters.label(period.previous()), engine.summary(period, 0), largestRisks(period),
                engine.platformDays(period), currency), reader, links);
    }

    private Mail monthly(YearMonth month, Reader reader, String currency) {
        Period period = Period.month(month);
        String label = PeriodParameters.label(period);
        String previous = PeriodParameters.label(period.previous());
        boolean money = reader.money();
        List<SummaryCards.Card> cards = SummaryCards.of(engine.summary(period, 0), previous, money, currency).stream()
                .filter(c -> money || !c.definition().startsWith("arr")).toList();
        var services = engine.servicesMonthOverMonth(period);
        List<ReviewPdf.Drill> drills = services.stream().map(m -> new ReviewPdf.Drill(m.current().service(),
                engine.customersOf(period, m.current().service(), money).stream()
                        .filter(c -> c.badness() != null && c.badness() > 1).toList())).toList();
        byte[] pdf = ReviewPdf.write(new ReviewPdf.Report(label, previous, cards, largestRisks(period), money, currency,
                services, drills));
        return MonthlyReviewMail.write(month.toString(), label, cards, pdf, reader, links);
    }

    private Mail daily(LocalDate yesterday, Reader reader, String currency) {
        Period after = Period.days(yesterday, yesterday);
        Period before = Period.days(yesterday.minusDays(1), yesterday.minusDays(1));
        WhatChanged changed = WhatChanged.between(
                engine.ranking(before, RankingFilter.NONE, 0, SLICES).rows(),
                engine.ranking(after, RankingFilter.NONE, 0, SLICES).rows(),
                engine.rankingByService(before, 0, SLICES).rows(), engine.rankingByService(after, 0, SLICES).rows());
        return WhatChangedMail.write(yesterday, changed, reader, currency, links);
    }

    private List<ServiceRisk> largestRisks(Period period) {
        return ServiceRisk.largestRisks(engine.rankingByService(period, 0, SLICES).rows(), RISKS);
    }
}
