package io.herdgate.rules.behaviour.training;

/** A cow's id as the data set writes it; compared as a string. */
public record CowId(String value) implements Comparable<CowId> {

    public CowId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("cow id must not be blank");
        }
    }

    public static CowId of(String value) {
        return new CowId(value.trim());
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
