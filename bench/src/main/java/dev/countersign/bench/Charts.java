package dev.countersign.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts: latency by percentile (HdrHistogram's view) and throughput bars. */
final class Charts {

    private Charts() {}

    /** One line per series: latency in ms against the percentile, the tail stretched on a log axis. */
    static void percentiles(String title, Map<String, Histogram> series, Path png) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(500)
                .title(title)
                .xAxisTitle("percentile (log scale of the tail)")
                .yAxisTitle("ms")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        // x is log10(1 / (1 - q)): 1 is the 90th percentile, 2 the 99th, 3 the 99.9th.
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> trim(100 * (1 - Math.pow(10, -x))) + "%");
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y -> trim(y));
        series.forEach((name, histogram) -> {
            if (histogram.getTotalCount() == 0) {
                return;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (HistogramIterationValue value : histogram.percentiles(5)) {
                double fraction = value.getPercentileLevelIteratedTo() / 100.0;
                if (fraction >= 1.0) {
                    break;
                }
                x.add(Math.log10(1 / (1 - fraction)));
                y.add(value.getValueIteratedTo() / 1000.0);
            }
            XYSeries line = chart.addSeries(name, x, y);
            line.setMarker(SeriesMarkers.NONE);
        });
        save(chart, png);
    }

    /** One bar per system. */
    static void bars(String title, String unit, Map<String, Double> values, Path png) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(900)
                .height(450)
                .title(title)
                .yAxisTitle(unit)
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y -> trim(y));
        chart.addSeries(unit, new ArrayList<>(values.keySet()), new ArrayList<>(values.values()));
        save(chart, png);
    }

    private static String trim(double value) {
        String text = value >= 100 ? String.format("%.0f", value) : String.format("%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png) {
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
