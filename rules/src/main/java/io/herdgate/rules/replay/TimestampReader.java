package io.herdgate.rules.replay;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Reads ISO-8601 date-times from ASCII bytes without allocating: {@code yyyy-MM-ddTHH:mm[:ss[.f…]]}
 * (a space is accepted instead of {@code T}) followed by {@code Z}, {@code ±HH:MM}, {@code ±HHMM},
 * {@code ±HH} or nothing. A time without offset is the farm's wall-clock time in the zone given at
 * construction; in a daylight-saving overlap the earlier offset is taken, in a gap the offset before
 * the gap (as {@link ZoneRules#getOffset(LocalDateTime)}). Not thread-safe (it caches the zone offset
 * of the last hour); use one per thread.
 */
final class TimestampReader {

    private final ZoneRules rules;
    private final int fixedOffsetSeconds;
    private final boolean fixed;
    private long cachedLocalHour = Long.MIN_VALUE;
    private int cachedOffset;

    private long seconds;
    private int nanos;
    private final byte[] lastDate = new byte[10];
    private long lastDays;

    TimestampReader(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** Epoch second of the last successful {@link #read}. */
    long seconds() {
        return seconds;
    }

    /** Nano of second of the last successful {@link #read}. */
    int nanos() {
        return nanos;
    }

    /**
     * Reads {@code b[from, to)}.
     *
     * @return true when it is a valid date-time; then {@link #seconds()} and {@link #nanos()} hold it
     */
    boolean read(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 16 || b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != ' ')
                || b[from + 13] != ':') {
            return false;
        }
        long days;
        if (Bytes.startsWith(b, from, lastDate)) {
            days = lastDays; // consecutive rows mostly share the date
        } else {
            int year = digits(b, from, 4);
            int month = digits(b, from + 5, 2);
            int day = digits(b, from + 8, 2);
            if ((year | month | day) < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
                return false;
            }
            days = daysFromCivil(year, month, day);
            System.arraycopy(b, from, lastDate, 0, 10);
            lastDays = days;
        }
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        if ((hour | minute) < 0 || hour > 23 || minute > 59) {
            return false;
        }
        int p = from + 16;
        int second = 0;
        int nano = 0;
        if (p < to && b[p] == ':') {
            if (p + 3 > to || (second = digits(b, p + 1, 2)) < 0 || second > 59) {
                return false;
            }
            p += 3;
            if (p < to && (b[p] == '.' || b[p] == ',')) {
                p++;
                int scale = 100_000_000;
                int start = p;
                while (p < to && b[p] >= '0' && b[p] <= '9') {
                    if (p - start >= 9) {
                        return false;
                    }
                    nano += (b[p] - '0') * scale;
                    scale /= 10;
                    p++;
                }
                if (p == start) {
                    return false;
                }
            }
        }
        long local = (days * 24 + hour) * 3600L + minute * 60L + second;
        int offset;
        if (p == to) {
            offset = zoneOffset(local);
        } else if ((b[p] == 'Z' || b[p] == 'z') && p + 1 == to) {
            offset = 0;
        } else if (b[p] == '+' || b[p] == '-') {
            int sign = b[p] == '-' ? -1 : 1;
            int rest = to - p - 1;
            int oh;
            int om = 0;
            if (rest == 2) {
                oh = digits(b, p + 1, 2);
            } else if (rest == 4) {
                oh = digits(b, p + 1, 2);
                om = digits(b, p + 3, 2);
            } else if (rest == 5 && b[p + 3] == ':') {
                oh = digits(b, p + 1, 2);
                om = digits(b, p + 4, 2);
            } else {
                return false;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return false;
            }
            offset = sign * (oh * 3600 + om * 60);
        } else {
            return false;
        }
        this.seconds = local - offset;
        this.nanos = nano;
        return true;
    }

    private int zoneOffset(long localSeconds) {
        if (fixed) {
            return fixedOffsetSeconds;
        }
        long hour = Math.floorDiv(localSeconds, 3600);
        if (hour != cachedLocalHour) {
            // zone offsets change on local hour boundaries in practice, so one lookup per local hour suffices
            LocalDateTime ldt = LocalDateTime.ofEpochSecond(hour * 3600, 0, ZoneOffset.UTC);
            cachedOffset = rules.getOffset(ldt).getTotalSeconds();
            cachedLocalHour = hour;
        }
        return cachedOffset;
    }

    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }
}
