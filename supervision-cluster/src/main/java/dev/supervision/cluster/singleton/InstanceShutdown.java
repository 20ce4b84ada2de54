package dev.supervision.cluster.singleton;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.Shutdown;
import java.time.Duration;
import java.util.Optional;

/**
 * Stops a singleton's instance the way its supervisor would (OTP's shutdown protocol, with the inner
 * spec's {@link Shutdown}): {@code kill} for brutal kill, else {@code shutdown} and a wait, then
 * {@code kill} when the timeout passes. Returns only once the instance has ended.
 */
final class InstanceShutdown {

    private InstanceShutdown() {
    }

    /** Stops {@code instance}, linked to the calling (trapping) process, and flushes its EXIT. */
    static void stop(ProcessRuntime runtime, Pid instance, Shutdown shutdown) {
        runtime.exit(instance, shutdown instanceof Shutdown.BrutalKill ? ExitReason.KILL : ExitReason.SHUTDOWN);
        Duration patience = shutdown instanceof Shutdown.Timeout(Duration timeout) ? timeout : ProcessRuntime.INFINITY;
        Optional<ExitReason> ended = runtime.internals().awaitExit(instance, patience);
        if (ended.isEmpty()) {
            runtime.exit(instance, ExitReason.KILL);
            ended = runtime.internals().awaitExit(instance, ProcessRuntime.INFINITY);
        }
        runtime.internals().ensureCurrentAlive();
        runtime.internals().flushExit(instance);
    }

    /** The shutdown a manager needs so that its supervisor waits for the instance's own shutdown. */
    static Shutdown forManager(Shutdown inner) {
        return switch (inner) {
            case Shutdown.Timeout(Duration timeout) -> Shutdown.timeout(timeout.plusSeconds(1));
            case Shutdown.Infinity infinity -> Shutdown.INFINITY;
            case Shutdown.BrutalKill kill -> Shutdown.timeout(Duration.ofSeconds(1));
        };
    }
}
