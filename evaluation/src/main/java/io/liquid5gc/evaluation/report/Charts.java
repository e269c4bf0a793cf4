package io.liquid5gc.evaluation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's plots, drawn by XChart and written as PNG. */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** A line: a name and its points. */
    public record Line(String name, double[] x, double[] y) {
    }

    /** Empirical CDF of latency samples (ms), one line per named sample set, x logarithmic (cold starts are seconds). */
    public static void cdf(Path file, String title, Map<String, List<Double>> samples) throws IOException {
        List<Line> lines = new ArrayList<>();
        samples.forEach((name, values) -> {
            List<Double> sorted = values.stream().filter(v -> v > 0).sorted().toList();
            if (sorted.isEmpty()) {
                return;
            }
            double[] x = new double[sorted.size()];
            double[] y = new double[sorted.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = sorted.get(i);
                y[i] = (i + 1.0) / x.length;
            }
            lines.add(new Line(name + " (n=" + x.length + ")", x, y));
        });
        write(file, title, "latency, ms (log)", "fraction of UEs", lines, true, List.of());
    }

    /** Lines over x, with vertical marks (scenario starts, for example). */
    public static void lines(Path file, String title, String xTitle, String yTitle, List<Line> lines, List<Double> marks) throws IOException {
        write(file, title, xTitle, yTitle, lines, false, marks);
    }

    private static void write(Path file, String title, String xTitle, String yTitle, List<Line> lines, boolean logX, List<Double> marks)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        if (lines.isEmpty()) {
            chart.addSeries("(no samples)", new double[] {1, 2}, new double[] {0, 0}).setMarker(SeriesMarkers.NONE);
        }
        for (Line l : lines) {
            XYSeries s = chart.addSeries(l.name(), l.x(), l.y());
            s.setMarker(SeriesMarkers.NONE);
        }
        for (double m : marks) {
            chart.addAnnotation(new AnnotationLine(m, true, false));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        String name = file.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapEncoder.BitmapFormat.PNG);
    }

    private Charts() {
    }
}
