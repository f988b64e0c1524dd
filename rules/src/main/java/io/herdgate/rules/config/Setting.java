package io.herdgate.rules.config;

import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.params.Parameter;

/** A value the rules file sets for one catalog parameter, with where it was written. */
public sealed interface Setting {

    Parameter parameter();

    Position at();

    /** The value as YAML writes it ({@code 70}, {@code 2.5}, {@code warning}, {@code true}). */
    String text();

    record Num(Parameter.Number parameter, double value, Position at) implements Setting {
        @Override
        public String text() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    record Choice(Parameter.SeverityChoice parameter, Severity value, Position at) implements Setting {
        @Override
        public String text() {
            return value.jsonName();
        }
    }

    record Toggle(Parameter.Flag parameter, boolean value, Position at) implements Setting {
        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }
}
