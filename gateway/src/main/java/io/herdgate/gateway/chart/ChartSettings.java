package io.herdgate.gateway.chart;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How activity charts are drawn.
 *
 * @param zone   the farm's time zone: axis ticks and the title's time are written in it
 * @param span   how much history the chart shows, whole hours, 6 h .. 14 days
 * @param width  image width in pixels, 320 .. 4096
 * @param height image height in pixels, 240 .. 4096
 */
public record ChartSettings(ZoneId zone, Duration span, int width, int height) {

    /** 48 h in 1024x640 pixels: readable on a phone, about 40-60 KB of PNG. */
    public static final Duration DEFAULT_SPAN = Duration.ofHours(48);
    public static final int DEFAULT_WIDTH = 1024;
    public static final int DEFAULT_HEIGHT = 640;

    public ChartSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(span, "span");
        if (span.compareTo(Duration.ofHours(6)) < 0 || span.compareTo(Duration.ofDays(14)) > 0
                || !span.equals(Duration.ofHours(span.toHours()))) {
            throw new IllegalArgumentException("chart span must be whole hours in 6h..14d (336h): " + span);
        }
        if (width < 320 || width > 4096) {
            throw new IllegalArgumentException("chart width must be 320..4096 pixels: " + width);
        }
        if (height < 240 || height > 4096) {
            throw new IllegalArgumentException("chart height must be 240..4096 pixels: " + height);
        }
    }

    public static ChartSettings of(ZoneId zone, Duration span, int width, int height) {
        return new ChartSettings(zone, span, width, height);
    }

    /** The defaults in the farm's zone. */
    public static ChartSettings defaults(ZoneId zone) {
        return of(zone, DEFAULT_SPAN, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }
}
