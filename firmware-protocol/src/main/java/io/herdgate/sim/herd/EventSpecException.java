package io.herdgate.sim.herd;

/** An event spec that cannot be parsed; the message names the entry (1-based), its text and what is allowed. */
public final class EventSpecException extends IllegalArgumentException {

    private final int entry;
    private final String entryText;

    EventSpecException(int entry, String entryText, String problem) {
        super("event spec entry " + entry + " '" + entryText + "': " + problem);
        this.entry = entry;
        this.entryText = entryText;
    }

    /** 1-based position of the bad entry. */
    public int entry() {
        return entry;
    }

    public String entryText() {
        return entryText;
    }
}
