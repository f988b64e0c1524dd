package io.herdgate.gateway.schedule;

/** Told when the wall clock was stepped; called on the thread that ran {@link ClockJumpGuard#check()}. */
@FunctionalInterface
public interface ClockJumpListener {

    void onJump(ClockJump jump);
}
