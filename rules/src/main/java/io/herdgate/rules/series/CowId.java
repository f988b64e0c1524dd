package io.herdgate.rules.series;

/**
 * A cow as the farm names her (ear tag or herd-book number, compared as text, e.g. {@code "7019"} or
 * {@code "1355-2"}). 1..64 characters, no leading or trailing blanks, no control characters.
 */
public record CowId(String value) implements Comparable<CowId> {

    public CowId {
        if (value == null || value.isEmpty() || value.length() > 64 || !value.strip().equals(value)
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "cow id must be 1..64 characters without surrounding blanks or control characters: '" + value + "'");
        }
    }

    public static CowId of(String value) {
        return new CowId(value);
    }

    @Override
    public int compareTo(CowId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
