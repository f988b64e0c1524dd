package io.herdgate.gateway.chart;

import io.herdgate.gateway.store.AlarmId;
import java.util.Optional;

/** Draws the activity chart of an alarm. Thread-safe. */
public interface ChartSource {

    /**
     * The chart of alarm {@code alarm}: the cow's activity over the chart span ending now (or a little
     * after the alarm cleared) against her baseline, the alarm window shaded.
     *
     * @return the PNG, or empty when no such alarm is stored
     * @throws io.herdgate.gateway.store.StoreException when the store cannot be read
     */
    Optional<Png> chart(AlarmId alarm);
}
