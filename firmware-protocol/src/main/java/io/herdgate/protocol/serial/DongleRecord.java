package io.herdgate.protocol.serial;

/**
 * One record on the serial link between the gateway and the radio dongle. Every implementation is an
 * immutable record; a {@code switch} over them is checked by the compiler.
 */
public sealed interface DongleRecord permits RadioUplink, RadioDownlink, DongleStatus, TxDone {

    /** The kind byte this record is sent with. */
    RecordKind kind();
}
