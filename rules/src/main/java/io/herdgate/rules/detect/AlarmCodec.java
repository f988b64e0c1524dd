package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Binary form of an {@link Alarm} inside a snapshot (big-endian, as {@link DataOutput} writes). */
final class AlarmCodec {

    private AlarmCodec() {
    }

    static void write(Alarm a, DataOutput out) throws IOException {
        out.writeUTF(a.cow().value());
        out.writeByte(a.type().ordinal());
        writeInstant(a.raisedAt(), out);
        out.writeByte(a.severity().ordinal());
        writeOptInstant(a.clearedAt(), out);
        Explanation e = a.explanation();
        out.writeUTF(e.measure());
        out.writeDouble(e.value());
        out.writeDouble(e.baseline().orElse(Double.NaN));
        out.writeDouble(e.threshold());
        out.writeLong(e.duration().getSeconds());
        out.writeShort(e.features().size());
        for (Map.Entry<String, Double> f : e.features().entrySet()) {
            out.writeUTF(f.getKey());
            out.writeDouble(f.getValue());
        }
        writeOptInstant(a.nextExpectedHeat(), out);
    }

    static Alarm read(DataInput in) throws IOException {
        CowId cow = CowId.of(in.readUTF());
        AlarmType type = AlarmType.values()[in.readByte()];
        Instant raised = readInstant(in);
        Severity severity = Severity.values()[in.readByte()];
        Optional<Instant> cleared = readOptInstant(in);
        String measure = in.readUTF();
        double value = in.readDouble();
        double baseline = in.readDouble();
        double threshold = in.readDouble();
        Duration duration = Duration.ofSeconds(in.readLong());
        int n = in.readShort();
        Map<String, Double> features = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            features.put(in.readUTF(), in.readDouble());
        }
        Explanation e = Explanation.of(measure, value,
                Double.isNaN(baseline) ? OptionalDouble.empty() : OptionalDouble.of(baseline), threshold, duration,
                features);
        return new Alarm(cow, type, raised, severity, cleared, e, readOptInstant(in));
    }

    private static void writeInstant(Instant t, DataOutput out) throws IOException {
        out.writeLong(t.getEpochSecond());
    }

    private static Instant readInstant(DataInput in) throws IOException {
        return Instant.ofEpochSecond(in.readLong());
    }

    private static void writeOptInstant(Optional<Instant> t, DataOutput out) throws IOException {
        out.writeBoolean(t.isPresent());
        if (t.isPresent()) {
            writeInstant(t.get(), out);
        }
    }

    private static Optional<Instant> readOptInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
    }
}
