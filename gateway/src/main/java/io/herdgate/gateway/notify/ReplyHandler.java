package io.herdgate.gateway.notify;

/** Takes recipients' replies; implemented by the alarm side. Thread-safe; never throws for odd replies. */
@FunctionalInterface
public interface ReplyHandler {

    void onReply(Reply reply);
}
