package io.herdgate.gateway.chart;

import io.herdgate.rules.alarm.AlarmType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws {@link ChartData} with JFreeChart into a PNG. Stateless and thread-safe. */
final class ActivityChart {

    static {
        // The Pi has no display; without this, AWT may look for one when fonts are first used.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final Color ACTIVITY = new Color(0x1f, 0x5f, 0xa8);
    static final Color BASELINE = new Color(0x55, 0x55, 0x55);
    static final Color WINDOW = new Color(0xff, 0xb0, 0x40, 0x80);
    private static final Color BACKGROUND = Color.WHITE;

    private final ChartSettings settings;

    ActivityChart(ChartSettings settings) {
        this.settings = settings;
    }

    /** An image drawn, with the mapping from time to pixel column (for tests and overlays). */
    record Drawn(BufferedImage image, Rectangle dataArea, DateAxis axis) {

        int x(Instant t) {
            return (int) Math.round(axis.valueToJava2D(t.toEpochMilli(), dataArea, RectangleEdge.BOTTOM));
        }
    }

    Png png(ChartData data) {
        BufferedImage image = draw(data).image();
        try {
            return Png.of(ChartUtils.encodeAsPNG(image), image.getWidth(), image.getHeight());
        } catch (IOException e) {
            // Encoding into memory does not do I/O; a failure here is a JDK fault.
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }

    Drawn draw(ChartData data) {
        XYSeries activity = new XYSeries("Activity per hour");
        XYSeries baseline = new XYSeries("Baseline");
        for (ActivityHour h : data.hours()) {
            double mid = h.start().toEpochMilli() + 30 * 60_000.0;
            activity.add(mid, h.activity());
            baseline.add(mid, h.baseline());
        }
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(activity);
        series.addSeries(baseline);

        DateAxis time = new DateAxis("Time (" + settings.zone().getId() + ")");
        TimeZone zone = TimeZone.getTimeZone(settings.zone());
        time.setTimeZone(zone);
        SimpleDateFormat ticks = new SimpleDateFormat("EEE HH:mm", Locale.ENGLISH);
        ticks.setTimeZone(zone);
        time.setDateFormatOverride(ticks);
        time.setRange(data.from().toEpochMilli(), data.to().toEpochMilli());
        NumberAxis level = new NumberAxis("Activity per hour");
        level.setAutoRangeIncludesZero(true);

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ACTIVITY);
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesPaint(1, BASELINE);
        lines.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));

        XYPlot plot = new XYPlot(series, time, level, lines);
        plot.setBackgroundPaint(BACKGROUND);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        IntervalMarker window = new IntervalMarker(data.alarm().windowStart().toEpochMilli(),
                data.alarm().windowEnd().toEpochMilli());
        window.setPaint(WINDOW);
        window.setOutlinePaint(null);
        plot.addDomainMarker(window, Layer.BACKGROUND);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Activity per hour", null, null, null, new Rectangle2D.Double(0, 0, 16, 4), ACTIVITY));
        legend.add(new LegendItem("Baseline: mean of the previous " + data.baselineDays() + " days", null, null, null,
                new Rectangle2D.Double(0, 0, 16, 4), BASELINE));
        legend.add(new LegendItem("Alarm window", null, null, null, new Rectangle2D.Double(0, 0, 12, 12), WINDOW));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(title(data), new Font(Font.SANS_SERIF, Font.BOLD, 20), plot, true);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        if (!data.hasActivity()) {
            chart.addSubtitle(new TextTitle("No activity stored for this period"));
        }
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(settings.width(), settings.height(),
                BufferedImage.TYPE_INT_RGB, info);
        return new Drawn(image, info.getPlotInfo().getDataArea().getBounds(), time);
    }

    private String title(ChartData data) {
        String at = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH)
                .format(data.alarm().raisedAt().atZone(settings.zone()));
        return "Cow " + data.cow() + " \u2013 " + label(data.alarm().type()) + " \u2013 raised " + at;
    }

    static String label(AlarmType type) {
        return switch (type) {
            case HEAT -> "heat";
            case ILLNESS -> "illness";
            case CALVING -> "calving";
            case NO_MOTION -> "cow down";
            case COLLAR_OFF -> "collar off";
            case OFFLINE -> "collar offline";
            case BATTERY -> "low battery";
        };
    }
}
