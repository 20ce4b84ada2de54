package dev.supervision.process;

import java.util.concurrent.locks.LockSupport;

/** Waits, on the calling thread, for one process to end: a watcher that wakes the thread that set it. */
final class ExitWaiter implements DeathWatcher {

    private final Thread waiter = Thread.currentThread();
    private volatile ExitReason reason;

    @Override
    public void processDied(Pid pid, ExitReason exitReason) {
        reason = exitReason;
        LockSupport.unpark(waiter);
    }

    /** The exit reason, or null when {@code timeoutNanos} (negative: forever) passed first. */
    ExitReason await(long timeoutNanos) {
        HandOffs.releaseForCurrentThread();
        long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
        while (reason == null) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                ProcessCell.throwIfCurrentIsDead();
                return reason; // a live caller that was interrupted stops waiting
            }
            if (timeoutNanos < 0) {
                LockSupport.park(this);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return reason;
                }
                LockSupport.parkNanos(this, remaining);
            }
        }
        return reason;
    }
}
