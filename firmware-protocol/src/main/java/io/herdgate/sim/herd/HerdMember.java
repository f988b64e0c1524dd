package io.herdgate.sim.herd;

import io.herdgate.sim.collar.CollarIdentity;
import io.herdgate.sim.collar.SimulatedCollar;

/**
 * One cow of a simulated herd with her collar. The gateway pairs the collar with {@code identity}
 * (EUI and root key).
 */
public record HerdMember(CowId cow, CollarIdentity identity, SimulatedCollar collar) {

    public static HerdMember of(CowId cow, CollarIdentity identity, SimulatedCollar collar) {
        return new HerdMember(cow, identity, collar);
    }
}
