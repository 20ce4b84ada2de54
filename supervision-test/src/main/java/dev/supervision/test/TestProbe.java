package dev.supervision.test;

import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessExit;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real process that a test drives: it links, monitors and traps exits as the test asks, keeps every
 * message it receives, and lets the test expect one within a timeout. An expectation takes the oldest
 * matching message and leaves the others (a selective receive); when nothing matches in time it fails
 * with an {@link AssertionError} that lists what arrived instead.
 *
 * <pre>{@code
 * TestProbe probe = TestProbe.trapping(runtime);
 * probe.link(worker);
 * runtime.exit(worker, ExitReason.KILL);
 * probe.expectExit(worker, Duration.ofSeconds(1));   // ExitMessage[from=<0.7.0>, reason=killed]
 * }</pre>
 */
public final class TestProbe {

    /** Code the probe runs as its own process. */
    private record Run(Callable<?> action, CompletableFuture<Object> result) {
    }

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(10);

    private final ProcessRuntime runtime;
    private final Pid pid;
    private final List<Object> inbox = new ArrayList<>();

    private TestProbe(ProcessRuntime runtime, boolean trapExit) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.pid = runtime.spawn(() -> {
            runtime.trapExit(trapExit);
            while (true) {
                Object message = runtime.receive();
                if (message instanceof Run run) {
                    runAsProbe(run);
                } else {
                    keep(message);
                }
            }
        });
    }

    /** A probe that does not trap exits: an exit signal from a link ends it, as it would any process. */
    public static TestProbe spawn(ProcessRuntime runtime) {
        return new TestProbe(runtime, false);
    }

    /** A probe that traps exits, so exit signals arrive as {@link ExitMessage}s to expect. */
    public static TestProbe trapping(ProcessRuntime runtime) {
        return new TestProbe(runtime, true);
    }

    /** The probe's pid, to send it messages or link and monitor it. */
    public Pid pid() {
        return pid;
    }

    /** Whether the probe's process is alive. */
    public boolean isAlive() {
        return runtime.isAlive(pid);
    }

    /** Links the probe to {@code other}. */
    public void link(Pid other) {
        exec(() -> {
            runtime.link(other);
            return null;
        });
    }

    /** Monitors {@code target} from the probe; the DOWN arrives in its inbox. */
    public MonitorRef monitor(ProcessRef target) {
        return exec(() -> runtime.monitor(target));
    }

    /**
     * Runs {@code action} inside the probe's process and returns its result: for calls and admin
     * requests that must come from a process. Its exception is rethrown; a {@link ProcessExit} ends the
     * probe as it would end any process.
     */
    @SuppressWarnings("unchecked")
    public <T> T exec(Callable<T> action) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        runtime.send(pid, new Run(action, result));
        try {
            return (T) result.get(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new AssertionError("the probe's action failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("probe " + pid + " did not run the action within " + RUN_TIMEOUT.toSeconds()
                    + " s (alive: " + isAlive() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the probe ran an action", e);
        }
    }

    /** Expects a message of {@code type} within {@code within}; returns it. */
    public <T> T expectMessage(Class<T> type, Duration within) {
        Objects.requireNonNull(type, "type");
        return type.cast(take(type::isInstance, within, () -> "a " + type.getSimpleName()));
    }

    /** Expects a message of {@code type} that satisfies {@code matches} within {@code within}; returns it. */
    public <T> T expectMessage(Class<T> type, Predicate<? super T> matches, Duration within) {
        Objects.requireNonNull(type, "type");
        Object found = take(message -> type.isInstance(message) && matches.test(type.cast(message)), within,
                () -> "a " + type.getSimpleName() + " that matches");
        return type.cast(found);
    }

    /** Expects exactly {@code expected} (by {@code equals}) within {@code within}. */
    public void expectMessage(Object expected, Duration within) {
        take(expected::equals, within, () -> "the message " + expected);
    }

    /** Expects the {@code EXIT} of {@code from} (the probe must trap exits); returns it. */
    public ExitMessage expectExit(Pid from, Duration within) {
        return (ExitMessage) take(message -> message instanceof ExitMessage exit && exit.from().equals(from), within,
                () -> "an EXIT from " + from);
    }

    /** Expects the {@code DOWN} of the monitor {@code ref}; returns it. */
    public DownMessage expectDown(MonitorRef ref, Duration within) {
        return (DownMessage) take(message -> message instanceof DownMessage down && down.ref().equals(ref), within,
                () -> "the DOWN of monitor " + ref);
    }

    /** Expects that no message at all arrives during {@code during}. */
    public void expectNoMessage(Duration during) {
        long deadline = System.nanoTime() + during.toNanos();
        synchronized (inbox) {
            while (inbox.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waitOnInbox(left);
            }
            throw new AssertionError("expected no message for " + during.toMillis() + " ms; received " + inbox);
        }
    }

    /** Everything received and not expected yet, oldest first; the inbox is emptied. */
    public List<Object> drain() {
        synchronized (inbox) {
            List<Object> all = List.copyOf(inbox);
            inbox.clear();
            return all;
        }
    }

    /** Ends the probe with {@code kill}. */
    public void kill() {
        runtime.exit(pid, dev.supervision.process.ExitReason.KILL);
    }

    private Object take(Predicate<Object> matches, Duration within, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (inbox) {
            while (true) {
                for (Iterator<Object> it = inbox.iterator(); it.hasNext(); ) {
                    Object message = it.next();
                    if (matches.test(message)) {
                        it.remove();
                        return message;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("probe " + pid + " expected " + what.get() + " within " + within.toMillis()
                            + " ms; received instead: " + (inbox.isEmpty() ? "nothing" : inbox)
                            + (isAlive() ? "" : " (the probe itself has exited)"));
                }
                waitOnInbox(left);
            }
        }
    }

    private void waitOnInbox(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(inbox, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a message", e);
        }
    }

    private void keep(Object message) {
        synchronized (inbox) {
            inbox.add(message);
            inbox.notifyAll();
        }
    }

    private static void runAsProbe(Run run) {
        try {
            run.result().complete(run.action().call());
        } catch (ProcessExit exit) {
            run.result().completeExceptionally(exit);
            throw exit;
        } catch (Exception e) {
            run.result().completeExceptionally(e);
        }
    }

    @Override
    public String toString() {
        return "TestProbe" + pid;
    }
}
