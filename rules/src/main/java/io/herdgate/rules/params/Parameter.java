package io.herdgate.rules.params;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/** One tunable value as the configuration shows it: YAML key, unit, allowed values, default, meaning. */
public sealed interface Parameter {

    /** Dotted YAML key, e.g. {@code heat.rise_pct}. */
    String key();

    /** The allowed values as a person reads them, e.g. {@code "10..500"}. */
    String allowed();

    /** The default as written in YAML. */
    String defaultText();

    /** One sentence: what it does (and why the default). */
    String meaning();

    /**
     * A number.
     *
     * @param unit unit in which YAML gives it ({@code %}, {@code h}, {@code min}, {@code d}, {@code mV}, ...)
     * @param integer true when only whole numbers are allowed
     */
    record Number(String key, String unit, double min, double max, double defaultValue, boolean integer,
                  String meaning) implements Parameter {
        public Number {
            Objects.requireNonNull(key);
            Objects.requireNonNull(unit);
            Objects.requireNonNull(meaning);
        }

        public static Number of(String key, String unit, double min, double max, double defaultValue,
                                boolean integer, String meaning) {
            return new Number(key, unit, min, max, defaultValue, integer, meaning);
        }

        /** Returns {@code v} when allowed, else throws naming the key, the value and the range. */
        public double check(double v) {
            if (!(v >= min && v <= max) || (integer && v != Math.rint(v))) {
                throw new InvalidParameterException(key, Double.toString(v), allowed());
            }
            return v;
        }

        public int checkInt(int v) {
            return (int) check(v);
        }

        @Override
        public String allowed() {
            return (integer ? "whole number " : "") + fmt(min) + ".." + fmt(max) + (unit.isEmpty() ? "" : " " + unit);
        }

        @Override
        public String defaultText() {
            return fmt(defaultValue);
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** A {@link Severity}. */
    record SeverityChoice(String key, Severity defaultValue, String meaning) implements Parameter {
        public static SeverityChoice of(String key, Severity defaultValue, String meaning) {
            return new SeverityChoice(key, defaultValue, meaning);
        }

        @Override
        public String allowed() {
            return Severity.allowedNames();
        }

        @Override
        public String defaultText() {
            return defaultValue.jsonName();
        }
    }

    /** On or off. */
    record Flag(String key, boolean defaultValue, String meaning) implements Parameter {
        public static Flag of(String key, boolean defaultValue, String meaning) {
            return new Flag(key, defaultValue, meaning);
        }

        @Override
        public String allowed() {
            return "true, false";
        }

        @Override
        public String defaultText() {
            return Boolean.toString(defaultValue);
        }
    }
}
