package io.herdgate.rules.behaviour.training;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.rules.series.CowId;

/**
 * One feature window cut from a labelled bout.
 *
 * @param cow       the animal
 * @param bout      the bout file, relative to the data set folder
 * @param behaviour the bout's label
 * @param features  the window's features
 */
public record LabelledWindow(CowId cow, String bout, Behaviour behaviour, WindowFeatures features) {

    public static LabelledWindow of(CowId cow, String bout, Behaviour behaviour, WindowFeatures features) {
        return new LabelledWindow(cow, bout, behaviour, features);
    }
}
