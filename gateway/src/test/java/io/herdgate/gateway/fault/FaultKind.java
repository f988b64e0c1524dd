package io.herdgate.gateway.fault;

/** The faults the suite applies. */
enum FaultKind {
    /** mosquitto stopped, started again a few simulated minutes later (MQTT link and upstream both lose it). */
    BROKER_RESTART,
    /** The serial dongle unplugged (socat ended), plugged in again minutes later. */
    SERIAL_UNPLUG,
    /** The gateway process killed with SIGKILL at a random point of a schedule run, then started again. */
    KILL_9,
    /** The next 5..30 sends to the Cloud API answer 429 or 5xx. */
    API_ERROR_STORM,
    /** The Cloud API answers 503 to everything for 2..4 hours. */
    LONG_OUTAGE,
    /** The wall clock steps a day forward; NTP sets it right minutes later. */
    CLOCK_FORWARD,
    /** The wall clock steps a day back (a wrong RTC at boot); NTP sets it right minutes later. */
    CLOCK_BACK
}
