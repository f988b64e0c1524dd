package io.herdgate.gateway.health;

/**
 * @param seen   paired collars heard from at least once since the gateway started
 * @param online collars heard from within their offline timeout
 */
public record CollarCounts(long seen, long online) {

    public static final CollarCounts NONE = new CollarCounts(0, 0);

    public CollarCounts {
        if (seen < 0 || online < 0 || online > seen) {
            throw new IllegalArgumentException("collar counts need 0 <= online <= seen: seen=" + seen + " online=" + online);
        }
    }

    public static CollarCounts of(long seen, long online) {
        return new CollarCounts(seen, online);
    }
}
