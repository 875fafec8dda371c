package dev.plumbline.app.digests;

import dev.plumbline.sql.psr.PlatformDay;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The weekly summary's chart as a PNG (JFreeChart, drawn off screen): the platform's availability per day, in percent,
 * the same daily figures as the Summary page's chart; a day without requests is a gap.
 */
final class ChartPng {

    static final int WIDTH = 640;
    static final int HEIGHT = 280;

    private ChartPng() {
    }

    static byte[] availability(String title, List<PlatformDay> days) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PlatformDay d : days) {
            data.addValue(d.availability() == null ? null : 100 * d.availability(), "Availability", d.day().toString());
        }
        JFreeChart chart = ChartFactory.createLineChart(title, null, "%", data, PlotOrientation.VERTICAL, false,
                false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.getRenderer().setSeriesPaint(0, new Color(0x54, 0x70, 0xc6));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(title + ": the chart could not be drawn: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
