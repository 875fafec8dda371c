package dev.plumbline.dashboards.review;

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
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.PercentText;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The monthly review as a PDF for the meeting (OpenPDF): every service's figures against its objectives and last
 * period, a page with the page's charts ({@link ReviewCharts}, drawn by {@link PdfChart}), then, for each service
 * given, its customers. The same texts as the page ({@link FigureText}).
 */
public final class ReviewPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);

    private ReviewPdf() {
    }

    /** One service's customers for the PDF. */
    public record Drill(String service, List<Figures> customers) {
    }

    public static byte[] write(String periodLabel, String comparedWith, List<MonthOverMonth> services, List<Drill> drills) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("Plumbline PSR review " + periodLabel);
            doc.open();
            doc.add(new Paragraph("PSR review " + periodLabel, TITLE));
            doc.add(new Paragraph("Compared with " + comparedWith + ". Percentiles come from merged histograms; "
                    + "burn = bad share / (1 - target).", CELL));
            doc.add(new Paragraph(" "));
            PdfPTable table = table(new String[] {"Service", "Requests", "vs prev", "Error rate", "vs prev",
                "Availability", "p95", "vs prev", "p99", "Avg rps", "Peak rps", "Objectives", "Coverage"},
                    new float[] {10, 8, 5, 6, 6, 7, 6, 6, 6, 5, 5, 22, 6});
            for (MonthOverMonth m : services) {
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
            for (BarChart chart : ReviewCharts.of(services, periodLabel, comparedWith)) {
                doc.add(chart.isEmpty() ? new Paragraph(chart.title() + ": no data in this period", CELL)
                        : PdfChart.draw(chart, writer.getDirectContent(), width, 250));
            }
            for (Drill d : drills) {
                doc.newPage();
                doc.add(new Paragraph(d.service() + ": customers", TITLE));
                PdfPTable customers = table(new String[] {"Customer", "Requests", "Error rate", "p95", "p99", "Objectives"},
                        new float[] {14, 8, 7, 7, 7, 30});
                for (Figures f : d.customers()) {
                    row(customers, f.key().substring(f.key().indexOf('/') + 1), FigureText.count(f.requests()),
                            PercentText.of(f.errorRate(), 3), FigureText.ms(f.p95Seconds()),
                            FigureText.ms(f.p99Seconds()), FigureText.objectives(f));
                }
                doc.add(customers);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the review PDF could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
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
            c.setHorizontalAlignment(i == 0 || i == cells.length - 1 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            table.addCell(c);
        }
    }
}
