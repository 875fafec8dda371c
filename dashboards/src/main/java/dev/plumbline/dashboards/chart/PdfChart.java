package dev.plumbline.dashboards.chart;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.DefaultFontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a {@link BarChart} into a PDF with JFreeChart on the PDF's own Graphics2D: vector shapes, its words as PDF
 * text (searchable, and what the tests read back). The same record the page draws with ECharts.
 */
public final class PdfChart {

    private static final Color[] COLORS = {new Color(0x54, 0x70, 0xc6), new Color(0x91, 0xcc, 0x75),
        new Color(0xfa, 0xc8, 0x58), new Color(0xee, 0x66, 0x66)};

    private PdfChart() {
    }

    /** The chart as an image of {@code width} x {@code height} points, to add to the document. */
    public static Image draw(BarChart spec, PdfContentByte canvas, float width, float height) {
        JFreeChart chart = jfree(spec);
        PdfTemplate template = canvas.createTemplate(width, height);
        Graphics2D g = template.createGraphics(width, height, new DefaultFontMapper());
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException(spec.title() + ": the chart could not be placed: " + e.getMessage(), e);
        }
    }

    /** The JFreeChart bar chart of a spec: one row per series, one column per category; gaps stay gaps. */
    static JFreeChart jfree(BarChart spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BarChart.Bars b : spec.series()) {
            for (int i = 0; i < spec.categories().size(); i++) {
                data.addValue(b.values().get(i), b.name(), spec.categories().get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(spec.title(), null, spec.unit(), data, PlotOrientation.VERTICAL,
                spec.series().size() > 1, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 7);
        plot.getDomainAxis().setTickLabelFont(small);
        plot.getRangeAxis().setTickLabelFont(small);
        plot.getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        }
        if (spec.categories().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < spec.series().size(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        if (spec.threshold() != null) {
            ValueMarker marker = new ValueMarker(spec.threshold().value(), new Color(0xc0, 0x39, 0x2b),
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            marker.setLabel(spec.threshold().label());
            marker.setLabelFont(small);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
            if (spec.axisMax() != null) {
                plot.getRangeAxis().setUpperBound(spec.axisMax());
            }
        }
        return chart;
    }
}
