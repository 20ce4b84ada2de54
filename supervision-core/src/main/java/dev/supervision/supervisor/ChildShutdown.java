package dev.supervision.supervisor;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shutdown protocol of OTP's supervisor: {@code brutal_kill} kills; a timeout sends
 * {@code shutdown}, waits, then kills; {@code infinity} sends {@code shutdown} and waits. The wait
 * watches the child, so a child that unlinked itself cannot hang the supervisor.
 */
final class ChildShutdown {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final ProcessRuntime runtime;

    ChildShutdown(ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    /** Stops one child and returns its exit reason. */
    ExitReason stop(Child child, Pid pid) {
        signal(child, pid);
        return await(child, pid, System.nanoTime());
    }

    /** Stops several children concurrently: all are signalled first, then each is waited for. */
    void stopAll(List<Child> children) {
        long start = System.nanoTime();
        List<Pid> pids = children.stream().map(child -> child.state().pid()).toList();
        for (int i = 0; i < children.size(); i++) {
            if (pids.get(i) != null) {
                signal(children.get(i), pids.get(i));
            }
        }
        for (int i = 0; i < children.size(); i++) {
            if (pids.get(i) != null) {
                await(children.get(i), pids.get(i), start);
            }
        }
    }

    private void signal(Child child, Pid pid) {
        runtime.exit(pid, child.spec.shutdown() instanceof Shutdown.BrutalKill ? ExitReason.KILL : ExitReason.SHUTDOWN);
    }

    private ExitReason await(Child child, Pid pid, long signalledAt) {
        ExitReason reason = switch (child.spec.shutdown()) {
            case Shutdown.BrutalKill kill -> waitFor(pid, ProcessRuntime.INFINITY).orElse(ExitReason.NOPROC);
            case Shutdown.Infinity infinity -> waitFor(pid, ProcessRuntime.INFINITY).orElse(ExitReason.NOPROC);
            case Shutdown.Timeout(Duration timeout) -> {
                Duration left = timeout.minusNanos(System.nanoTime() - signalledAt);
                Optional<ExitReason> ended = waitFor(pid, left.isNegative() ? Duration.ZERO : left);
                if (ended.isPresent()) {
                    yield ended.get();
                }
                runtime.exit(pid, ExitReason.KILL);
                yield waitFor(pid, ProcessRuntime.INFINITY).orElse(ExitReason.NOPROC);
            }
        };
        if (!acceptable(child, reason)) {
            log.error("Supervisor shutdown_error: child '{}' ({}) ended with {} while being shut down",
                    child.spec.id(), pid, reason);
        }
        return reason;
    }

    private Optional<ExitReason> waitFor(Pid pid, Duration timeout) {
        Optional<ExitReason> reason = runtime.internals().awaitExit(pid, timeout);
        runtime.internals().ensureCurrentAlive();
        return reason;
    }

    private static boolean acceptable(Child child, ExitReason reason) {
        if (reason instanceof ExitReason.Shutdown && ((ExitReason.Shutdown) reason).detail() == null
                || reason instanceof ExitReason.NoProc) {
            return true;
        }
        if (reason instanceof ExitReason.Killed) {
            return child.spec.shutdown() instanceof Shutdown.BrutalKill;
        }
        return child.spec.restart() != Restart.PERMANENT && reason.isNormal();
    }
}
