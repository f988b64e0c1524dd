package io.herdgate.gateway.systemd;

import java.util.Objects;

/** One line of an sd_notify message, in its {@code KEY=VALUE} wire form. */
public sealed interface Notice {

    /** Startup is finished and the gateway is healthy: systemd considers the unit started. */
    Notice READY = new Ready();
    /** Keep-alive: the gateway's pipeline is alive; systemd restarts the unit when these stop. */
    Notice WATCHDOG = new Watchdog();
    /** Shutdown has begun. */
    Notice STOPPING = new Stopping();

    /** The line as sent, without the newline that separates lines in one datagram. */
    String line();

    record Ready() implements Notice {
        @Override
        public String line() {
            return "READY=1";
        }
    }

    record Watchdog() implements Notice {
        @Override
        public String line() {
            return "WATCHDOG=1";
        }
    }

    record Stopping() implements Notice {
        @Override
        public String line() {
            return "STOPPING=1";
        }
    }

    /**
     * Free text shown by {@code systemctl status}: one line of at most {@value #MAX_LENGTH} characters
     * (longer text is cut, line breaks become spaces, because the protocol separates fields by newline).
     */
    record Status(String text) implements Notice {

        public static final int MAX_LENGTH = 200;

        public Status {
            Objects.requireNonNull(text, "text");
            text = text.replace('\n', ' ').replace('\r', ' ');
            if (text.length() > MAX_LENGTH) {
                text = text.substring(0, MAX_LENGTH);
            }
        }

        public static Status of(String text) {
            return new Status(text);
        }

        @Override
        public String line() {
            return "STATUS=" + text;
        }
    }
}
