package dev.plumbline.dashboards.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.ObjectiveResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewPdfTest {

    private static Figures figures(String key, String service, double requests, double errors, Double p95) {
        ObjectiveResult o = new ObjectiveResult(new Objective(service, "availability", Indicator.AVAILABILITY, 0.999,
                null, ObjectiveWindow.rolling(30)), errors / requests, errors / requests / 0.001, 0.1,
                errors / requests <= 0.001, "");
        return new Figures(key, service, requests, errors, errors / requests, 1 - errors / requests, 0.05, p95, 0.9, "",
                1.5, 4.0, true, 1.0, 3, List.of(o));
    }

    @Test
    void the_report_has_the_services_table_the_charts_and_a_page_per_drilled_service_with_the_pages_texts()
            throws Exception {
        MonthOverMonth search = MonthOverMonth.of(figures("search", "search", 120_000, 600, 0.42),
                figures("search", "search", 100_000, 100, 0.30));
        byte[] pdf = ReviewPdf.write("2026-10", "2026-09", List.of(search), List.of(new ReviewPdf.Drill("search",
                List.of(figures("search/acme", "search", 50_000, 500, 0.8)))));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(3);
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("PSR review 2026-10").contains("search").contains("120,000").contains("+20%")
                .contains("420 ms").contains("+120 ms").contains(FigureText.objectives(search.current()));
        String charts = new PdfTextExtractor(reader).getTextFromPage(2);
        assertThat(charts).contains(ReviewCharts.BUDGET).contains(ReviewCharts.P95).contains("search")
                .contains("whole budget").contains("2026-09");
        String third = new PdfTextExtractor(reader).getTextFromPage(3);
        assertThat(third).contains("search: customers").contains("acme").contains("800 ms");
    }

    @Test
    void figure_texts_say_when_something_is_missing() {
        assertThat(FigureText.ms(null)).isEqualTo("–");
        assertThat(FigureText.relative(null)).isEmpty();
        assertThat(FigureText.points(0.0012)).isEqualTo("+0.120 pp");
        assertThat(FigureText.msChange(-0.035)).isEqualTo("-35 ms");
    }
}
