package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareVersion;

import java.util.Arrays;

/**
 * A collar's flash as the collar simulator sees it: two firmware slots (A = 0, B = 1) and the boot record.
 * It is the only state that survives a reset or a power loss; {@link CollarFirmware} keeps nothing else.
 * Every erase, write and boot-record update is atomic. {@link #cutPowerAfterWrites(int)} simulates losing
 * power: once the budget is spent, further changes are silently dropped, as a dead MCU writes nothing.
 * Not thread-safe; one collar owns it.
 */
public final class SimulatedFlash {

    private final byte[][] slots;
    private BootRecord record;
    private int writeBudget = -1;
    private long writes;

    private SimulatedFlash(int slotBytes, FirmwareVersion factory) {
        slots = new byte[][] {new byte[slotBytes], new byte[slotBytes]};
        Arrays.fill(slots[1], (byte) 0xFF);
        record = BootRecord.factory(factory);
    }

    /**
     * A factory-fresh flash: slot A runs {@code factory}, slot B is erased.
     *
     * @param slotBytes size of each slot in bytes, the largest image the collar accepts, 1..2^30
     */
    public static SimulatedFlash of(int slotBytes, FirmwareVersion factory) {
        if (slotBytes < 1 || slotBytes > 1 << 30) {
            throw new IllegalArgumentException("slotBytes out of 1..2^30: " + slotBytes);
        }
        return new SimulatedFlash(slotBytes, factory);
    }

    /** Size of each slot in bytes. */
    public int slotBytes() {
        return slots[0].length;
    }

    /** After {@code n} more successful changes, power is lost: later changes are dropped. */
    public void cutPowerAfterWrites(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        writeBudget = n;
    }

    /** Power is back (call before booting a new {@link CollarFirmware} on this flash). */
    public void restorePower() {
        writeBudget = -1;
    }

    /** True once a power cut set with {@link #cutPowerAfterWrites(int)} has happened. */
    public boolean poweredOff() {
        return writeBudget == 0;
    }

    /** Changes (erases, writes, boot-record updates) that reached the flash so far. */
    public long writes() {
        return writes;
    }

    /** A copy of {@code length} bytes of {@code slot} from {@code offset}. */
    public byte[] read(int slot, long offset, int length) {
        return Arrays.copyOfRange(slots[slot], (int) offset, (int) offset + length);
    }

    void erase(int slot) {
        if (spend()) {
            Arrays.fill(slots[slot], (byte) 0xFF);
        }
    }

    void write(int slot, long offset, byte[] data, int from, int length) {
        if (spend()) {
            System.arraycopy(data, from, slots[slot], (int) offset, length);
        }
    }

    BootRecord bootRecord() {
        return record;
    }

    void writeBootRecord(BootRecord r) {
        if (spend()) {
            record = r;
        }
    }

    private boolean spend() {
        if (writeBudget == 0) {
            return false;
        }
        if (writeBudget > 0) {
            writeBudget--;
        }
        writes++;
        return true;
    }
}
