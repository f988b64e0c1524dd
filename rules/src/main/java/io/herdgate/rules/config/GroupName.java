package io.herdgate.rules.config;

/**
 * A management group of the herd ({@code heifers}, {@code lactating}, {@code dry} ...), as named in the
 * rules file and the herd data: 1..64 characters of letters, digits, {@code _} and {@code -};
 * compared exactly.
 */
public record GroupName(String value) implements Comparable<GroupName> {

    public GroupName {
        if (value == null || !value.matches("[\\p{L}\\p{N}_-]{1,64}")) {
            throw new IllegalArgumentException("group name must be 1..64 letters, digits, '_' or '-': '" + value + "'");
        }
    }

    public static GroupName of(String value) {
        return new GroupName(value);
    }

    /** True when {@code text} is a valid group name. */
    public static boolean isValid(String text) {
        return text != null && text.matches("[\\p{L}\\p{N}_-]{1,64}");
    }

    @Override
    public int compareTo(GroupName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
