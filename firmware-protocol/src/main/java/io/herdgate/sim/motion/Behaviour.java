package io.herdgate.sim.motion;

/**
 * What a cow is doing, as far as a neck collar can tell. The last two are states imposed by events, not
 * chosen by the diurnal plan.
 */
public enum Behaviour {
    /** Lying, head up and still; the head orientation changes between bouts. */
    LYING(true),
    /** Lying and ruminating: jaw rhythm near 1 Hz in chewing cycles of about a minute. */
    RUMINATING(true),
    /** Standing, small head and body movements. */
    STANDING(false),
    /** Grazing or feeding: head down, swinging head, biting, occasional steps. */
    GRAZING(false),
    /** Walking: gait at 0.8..1.2 strides per second with harmonics. */
    WALKING(false),
    /** Down and not getting up (lateral recumbency, no voluntary motion). */
    DOWN(true);

    private final boolean lying;

    Behaviour(boolean lying) {
        this.lying = lying;
    }

    /** True when the cow lies (used for lying time and lying bouts). */
    public boolean isLying() {
        return lying;
    }
}
