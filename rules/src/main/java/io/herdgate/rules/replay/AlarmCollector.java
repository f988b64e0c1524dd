package io.herdgate.rules.replay;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.detect.AlarmListener;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the latest state of every alarm an engine raised: an update (e.g. a heat relabelled calving)
 * or the clearing replaces the raised alarm in place.
 */
final class AlarmCollector implements AlarmListener {

    /** Output order: raised-at, then cow, then type. */
    static final Comparator<Alarm> ORDER = Comparator.comparing(Alarm::raisedAt).thenComparing(Alarm::cow)
            .thenComparing(Alarm::type);

    private record Key(CowId cow, Instant raisedAt, AlarmType type) {
    }

    private final Map<Key, Alarm> alarms = new LinkedHashMap<>();

    @Override
    public void onEvent(AlarmEvent event) {
        Alarm a = event.alarm();
        Key key = new Key(a.cow(), a.raisedAt(), a.type());
        if (event instanceof AlarmEvent.Raised || alarms.containsKey(key)) {
            alarms.put(key, a);
            return;
        }
        // the type changed since it was raised: find the active alarm of the cow raised at the same time
        for (Map.Entry<Key, Alarm> e : alarms.entrySet()) {
            Key k = e.getKey();
            if (k.cow().equals(a.cow()) && k.raisedAt().equals(a.raisedAt()) && e.getValue().isActive()) {
                alarms.remove(k);
                alarms.put(key, a);
                return;
            }
        }
        alarms.put(key, a);
    }

    /** Every alarm in its latest state, in {@link #ORDER}. */
    List<Alarm> alarms() {
        List<Alarm> out = new ArrayList<>(alarms.values());
        out.sort(ORDER);
        return out;
    }
}
