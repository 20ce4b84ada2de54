package dev.supervision.test;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/** Waiting for a supervisor to bring a registered process back. */
public final class Restarts {

    private static final long POLL_NANOS = 200_000;

    private Restarts() {
    }

    /**
     * Waits until a process other than {@code before} holds {@code name} and returns it: the restarted
     * process.
     *
     * @throws AssertionError naming the name, the old pid and who holds the name now, when {@code timeout}
     *     passes first
     */
    public static Pid awaitRestart(ProcessRuntime runtime, String name, Pid before, Duration timeout) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(before, "before");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Pid> holder = runtime.whereis(name);
            if (holder.isPresent() && !holder.get().equals(before)) {
                return holder.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("'" + name + "' was not restarted within " + timeout.toMillis()
                        + " ms: it was " + before + ", now " + holder.map(Pid::toString).orElse("nobody holds it"));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Kills whoever holds {@code name} now (an untrappable {@code kill}, as an operator's drill does) and
     * waits for its restart; returns the new pid.
     */
    public static Pid killAndAwaitRestart(ProcessRuntime runtime, String name, Duration timeout) {
        Pid before = runtime.whereis(name)
                .orElseThrow(() -> new AssertionError("nobody holds '" + name + "', so nothing can be killed"));
        runtime.exit(before, ExitReason.KILL);
        return awaitRestart(runtime, name, before, timeout);
    }
}
