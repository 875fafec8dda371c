package dev.plumbline.dashboards.review;

import dev.plumbline.dashboards.improvements.ImprovementText;
import dev.plumbline.dashboards.improvements.ShippedFixes;
import dev.plumbline.sql.fixes.FixTracking;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.plumbline.dashboards.chart.BarChart;
import dev.plumbline.dashboards.chart.PdfChart;
import dev.plumbline.dashboards.fixes.FixText;
import dev.plumbline.dashboards.summary.SummaryCards;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.ServiceRisk;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.PercentText;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The monthly review as a PDF for the meeting (OpenPDF), a few pages at any scale: first the executive page (the
 * Summary's cards, {@link SummaryCards}, and the largest risks grouped by fix), then every service's figures against
 * its objectives and last period with the page's charts ({@link ReviewCharts}, drawn by {@link PdfChart}), then for each
 * service with customers outside its objectives only the most hurt of them ({@link #TOP_CUSTOMERS}), by name. The
 * executive page ends with the tracked fixes shipped in the period and their measured effect. The same
 * texts as the pages ({@link FigureText}, {@link FixText}); money only in a report for a money role.
 */
public final class ReviewPdf {

    /** How many of a service's hurt customers the report lists (the page and the API have them all). */
    public static final int TOP_CUSTOMERS = 10;
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font SECTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font VALUE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

    private ReviewPdf() {
    }

    /**
     * What the report holds.
     *
     * @param cards    the Summary's cards (money ones only for a money role)
     * @param fixes    the largest risks by fix, largest first ({@link ServiceRisk#largestRisks})
     * @param money    whether amounts are shown
     * @param drills   per service, its customers outside objectives, most hurt first
     * @param shipped  the tracked fixes shipped in the period, with their measured effect
     */
    public record Report(String periodLabel, String comparedWith, List<SummaryCards.Card> cards, List<ServiceRisk> fixes,
                         boolean money, String currency, List<MonthOverMonth> services, List<Drill> drills,
                         List<FixTracking.Tracked> shipped) {

        /** A report without tracked fixes. */
        public Report(String periodLabel, String comparedWith, List<SummaryCards.Card> cards, List<ServiceRisk> fixes,
                      boolean money, String currency, List<MonthOverMonth> services, List<Drill> drills) {
            this(periodLabel, comparedWith, cards, fixes, money, currency, services, drills, List.of());
        }
    }

    /** One service's customers outside its objectives, the most hurt first (all of them; the PDF shows the top). */
    public record Drill(String service, List<CustomerImpact> hurt) {
    }

    public static byte[] write(Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("Plumbline PSR review " + r.periodLabel());
            doc.open();
            executivePage(doc, r);
            doc.newPage();
            doc.add(new Paragraph("Services against their objectives, " + r.periodLabel() + " (changes from "
                    + r.comparedWith() + ")", SECTION));
            doc.add(new Paragraph("Percentiles come from merged histograms; burn = bad share / (1 - target).", CELL));
            doc.add(new Paragraph(" "));
            PdfPTable table = table(new String[] {"Service", "Requests", "vs prev", "Error rate", "vs prev",
                "Availability", "p95", "vs prev", "p99", "Avg rps", "Peak rps", "Objectives", "Coverage"},
                    new float[] {10, 8, 5, 6, 6, 7, 6, 6, 6, 5, 5, 22, 6});
            for (MonthOverMonth m : r.services()) {
                Figures f = m.current();
                row(table, f.service(), FigureText.count(f.requests()), FigureText.relative(m.requestsChange()),
                        PercentText.of(f.errorRate(), 3), FigureText.points(m.errorRateChange()),
                        PercentText.of(f.availability(), 3), FigureText.ms(f.p95Seconds()),
                        FigureText.msChange(m.p95ChangeSeconds()), FigureText.ms(f.p99Seconds()),
                        FigureText.rps(f.averageRps()), FigureText.rps(f.peakRps()), FigureText.objectives(f),
                        PercentText.of(f.coverage(), 1));
            }
            doc.add(table);
            doc.newPage();
            float width = doc.getPageSize().getWidth() - doc.leftMargin() - doc.rightMargin();
            for (BarChart chart : ReviewCharts.of(r.services(), r.periodLabel(), r.comparedWith())) {
                doc.add(chart.isEmpty() ? new Paragraph(chart.title() + ": no data in this period", CELL)
                        : PdfChart.draw(chart, writer.getDirectContent(), width, 250));
            }
            customers(doc, r);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the review PDF could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Page 1, for executives: the Summary's cards and the largest risks by fix. */
    private static void executivePage(Document doc, Report r) throws DocumentException {
        doc.add(new Paragraph("PSR review " + r.periodLabel(), TITLE));
        boolean nothingBefore = !r.services().isEmpty() && r.services().stream().allMatch(m -> m.previous() == null);
        doc.add(new Paragraph("Compared with " + r.comparedWith()
                + (nothingBefore ? ": no telemetry then, so no changes to show." : "."), BODY));
        doc.add(new Paragraph(" "));
        PdfPTable cards = new PdfPTable(r.cards().size());
        cards.setWidthPercentage(100);
        for (SummaryCards.Card c : r.cards()) {
            PdfPCell cell = new PdfPCell();
            cell.setPadding(6);
            cell.addElement(new Paragraph(c.title(), CELL));
            cell.addElement(new Paragraph(c.value(), VALUE));
            cell.addElement(new Paragraph(c.change(), CELL));
            cards.addCell(cell);
        }
        doc.add(cards);
        doc.add(new Paragraph(" "));
        doc.add(new Paragraph("Largest risks, by fix", SECTION));
        if (r.fixes().isEmpty()) {
            doc.add(new Paragraph("Nothing is over budget: every customer's services stayed within objectives.", BODY));
        }
        com.lowagie.text.List list = new com.lowagie.text.List(com.lowagie.text.List.ORDERED);
        for (ServiceRisk f : r.fixes()) {
            list.add(new com.lowagie.text.ListItem(FixText.sentence(f, r.money(), r.currency()), BODY));
        }
        doc.add(list);
        doc.add(new Paragraph(" "));
        doc.add(new Paragraph(ShippedFixes.TITLE, SECTION));
        doc.add(new Paragraph(ShippedFixes.lead(r.shipped(), r.periodLabel()), CELL));
        com.lowagie.text.List shipped = new com.lowagie.text.List(com.lowagie.text.List.UNORDERED);
        for (FixTracking.Tracked t : r.shipped()) {
            shipped.add(new com.lowagie.text.ListItem(ImprovementText.sentence(t, r.money(), r.currency()), BODY));
        }
        doc.add(shipped);
    }

    /** Per service with customers outside its objectives, the most hurt ones; the others named in one line. */
    private static void customers(Document doc, Report r) throws DocumentException {
        doc.newPage();
        doc.add(new Paragraph("Customers outside objectives, " + r.periodLabel(), SECTION));
        List<String> inside = r.drills().stream().filter(d -> d.hurt().isEmpty()).map(Drill::service).toList();
        if (!inside.isEmpty()) {
            doc.add(new Paragraph("Every customer inside objectives: " + String.join(", ", inside) + ".", BODY));
        }
        for (Drill d : r.drills()) {
            if (d.hurt().isEmpty()) {
                continue;
            }
            int shown = Math.min(TOP_CUSTOMERS, d.hurt().size());
            Paragraph title = new Paragraph(d.service() + ": " + d.hurt().size() + " outside objectives"
                    + (shown < d.hurt().size() ? ", the " + shown + (r.money() ? " with the most revenue at risk"
                    : " worst") : ""), HEAD);
            title.setSpacingBefore(8);
            title.setSpacingAfter(3);
            doc.add(title);
            List<String> headers = new java.util.ArrayList<>(List.of("Customer", "Id"));
            if (r.money()) {
                headers.add("Revenue at risk");
            }
            headers.addAll(List.of("Worst burn", "Requests", "Error rate", "p95", "Objectives"));
            float[] widths = r.money() ? new float[] {14, 7, 8, 6, 7, 6, 6, 30} : new float[] {14, 7, 6, 7, 6, 6, 30};
            PdfPTable customers = table(headers.toArray(String[]::new), widths);
            for (CustomerImpact c : d.hurt().subList(0, shown)) {
                List<String> cells = new java.util.ArrayList<>(List.of(c.label(), c.customer()));
                if (r.money()) {
                    cells.add(MoneyText.of(c.revenueAtRisk(), r.currency()));
                }
                cells.addAll(List.of(FigureText.burn(c.badness()), FigureText.count(c.figures().requests()),
                        PercentText.of(c.figures().errorRate(), 3), FigureText.ms(c.figures().p95Seconds()),
                        FigureText.objectives(c.figures())));
                row(customers, cells.toArray(String[]::new));
            }
            customers.setKeepTogether(true);
            doc.add(customers);
        }
    }

    private static PdfPTable table(String[] headers, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, HEAD));
            c.setGrayFill(0.9f);
            table.addCell(c);
        }
        return table;
    }

    private static void row(PdfPTable table, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell c = new PdfPCell(new Phrase(cells[i], CELL));
            c.setHorizontalAlignment(i <= 1 || i == cells.length - 1 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            table.addCell(c);
        }
    }
}
