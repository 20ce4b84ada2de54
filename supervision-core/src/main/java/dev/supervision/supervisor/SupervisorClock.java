package dev.supervision.supervisor;

import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * The time a supervisor counts restarts and waits out backoffs with. The system clock is the default;
 * tests pass a manual one so that no test waits real seconds.
 */
public interface SupervisorClock {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code action} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that may be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the action if it has not run yet. */
        void cancel();
    }

    /** {@link System#nanoTime()} and the runtime's timer thread. */
    static SupervisorClock system(ProcessRuntime runtime) {
        return new SupervisorClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable action) {
                ScheduledFuture<?> future = runtime.internals().schedule(delay, action);
                return () -> future.cancel(false);
            }
        };
    }
}
