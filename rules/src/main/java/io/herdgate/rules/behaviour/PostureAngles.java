package io.herdgate.rules.behaviour;

/**
 * Where a window's gravity direction lies against one cow's own {@link PostureReference}: the cow's
 * walking posture (head carried forward) and her grazing posture (head down) span the plane in which the
 * head moves up and down, whatever way the collar sits on her neck. All three angles are therefore the
 * same for any rotation of the collar on the neck.
 *
 * @param pitchDeg      signed angle of the gravity direction out of the walking posture, towards the
 *                      grazing posture (positive: head lower than when walking), degrees −90..90
 * @param lateralDeg    unsigned angle of the gravity direction out of that plane (the neck bent or the
 *                      collar turned sideways), degrees 0..90
 * @param fromWalkingDeg angle between the gravity direction and the walking posture, degrees 0..180
 */
public record PostureAngles(double pitchDeg, double lateralDeg, double fromWalkingDeg) {

    public static PostureAngles of(double pitchDeg, double lateralDeg, double fromWalkingDeg) {
        return new PostureAngles(pitchDeg, lateralDeg, fromWalkingDeg);
    }
}
