package io.herdgate.sim.herd;

/** A simulated cow's herd number, 1..99999 (as on her ear tag). */
public record CowId(int number) implements Comparable<CowId> {

    public CowId {
        if (number < 1 || number > 99_999) {
            throw new IllegalArgumentException("cow number out of 1..99999: " + number);
        }
    }

    public static CowId of(int number) {
        return new CowId(number);
    }

    @Override
    public int compareTo(CowId o) {
        return Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
