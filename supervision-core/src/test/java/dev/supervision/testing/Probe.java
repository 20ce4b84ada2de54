package dev.supervision.testing;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real process that records every message it receives and runs code sent to it, so a test can act
 * as a process (link, monitor, trap exits) and read what reached its mailbox.
 */
public final class Probe {

    /** Makes the probe return, ending it with {@code normal}. */
    private record Quit() {
    }

    private final ProcessRuntime runtime;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final Pid pid;

    private Probe(ProcessRuntime runtime, boolean trapExit) {
        this.runtime = runtime;
        this.pid = runtime.spawn(() -> {
            runtime.trapExit(trapExit);
            while (true) {
                Object message = runtime.receive();
                switch (message) {
                    case ProbeCall call -> {
                        try {
                            call.result().complete(call.action().call());
                        } catch (dev.supervision.process.ProcessExit exit) {
                            call.result().completeExceptionally(exit);
                            throw exit;
                        } catch (Exception e) {
                            call.result().completeExceptionally(e);
                        }
                    }
                    case Quit quit -> {
                        return;
                    }
                    default -> received.add(message);
                }
            }
        });
    }

    /** A probe that does not trap exits. */
    public static Probe spawn(ProcessRuntime runtime) {
        return new Probe(runtime, false);
    }

    /** A probe that traps exits, so exit signals arrive as messages. */
    public static Probe trapping(ProcessRuntime runtime) {
        return new Probe(runtime, true);
    }

    /** The probe's pid. */
    public Pid pid() {
        return pid;
    }

    /** Runs {@code action} inside the probe's process and returns its result (or rethrows its exception). */
    @SuppressWarnings("unchecked")
    public <T> T exec(Callable<T> action) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        runtime.send(pid, new ProbeCall(action, result));
        try {
            return (T) result.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("probe " + pid + " did not run the action", e);
        }
    }

    /** Runs {@code action} inside the probe's process, for its effect. */
    public void run(Action action) {
        exec(() -> {
            action.run();
            return null;
        });
    }

    /** Links the probe to {@code other}. */
    public void link(Pid other) {
        run(() -> runtime.link(other));
    }

    /** Monitors {@code other} from the probe. */
    public dev.supervision.process.MonitorRef monitor(Pid other) {
        return exec(() -> runtime.monitor(other));
    }

    /** Code with no result that may throw. */
    @FunctionalInterface
    public interface Action {
        /** Does it. */
        void run() throws Exception;
    }

    /**
     * Spawns a process that waits for one message, an {@link ExitReason}, and exits with it: a target
     * whose death a test controls.
     */
    public static Pid exitOnCommand(ProcessRuntime runtime) {
        return runtime.spawn(() -> {
            throw new dev.supervision.process.ProcessExit((ExitReason) runtime.receive());
        });
    }

    /** The next message the probe received, waiting up to 5 seconds. */
    public Object next() {
        try {
            Object message = received.poll(5, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("probe " + pid + " received nothing within 5 seconds");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a message", e);
        }
    }

    /** The next message, which must be of {@code type}. */
    public <T> T next(Class<T> type) {
        return type.cast(next());
    }

    /** Everything received so far, without waiting. */
    public List<Object> drained() {
        List<Object> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** Ends the probe normally. */
    public void quit() {
        runtime.send(pid, new Quit());
    }

    /** Whether the probe's process is alive. */
    public boolean alive() {
        return runtime.isAlive(pid);
    }

    /** Kills the probe's process. */
    public void kill() {
        runtime.exit(pid, ExitReason.KILL);
    }

    /** The call a test sends to run code inside the probe. */
    record ProbeCall(Callable<?> action, CompletableFuture<Object> result) {
    }
}
