package io.herdgate.gateway.notify;

/** The delivery channels the gateway knows, in the order it prefers them. */
public enum ChannelName {
    WHATSAPP,
    SMS
}
