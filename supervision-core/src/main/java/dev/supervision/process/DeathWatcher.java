package dev.supervision.process;

/**
 * Something told when a process ends: a monitor that sends a DOWN message, or a call waiting for its
 * answer. Called after the dead process's name is free; must be quick and must not block.
 */
interface DeathWatcher {

    /** {@code pid} ended with {@code reason}. */
    void processDied(Pid pid, ExitReason reason);
}
