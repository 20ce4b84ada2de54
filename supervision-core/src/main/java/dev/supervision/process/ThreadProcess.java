package dev.supervision.process;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A process that owns a virtual thread for its whole life and takes its messages with a blocking,
 * optionally selective, {@link #receive}.
 */
final class ThreadProcess extends ProcessCell {

    private final ProcessBody body;
    private volatile Thread thread;
    private volatile boolean receiving;

    ThreadProcess(Pid pid, ProcessRuntime runtime, ProcessBody body) {
        super(pid, runtime);
        this.body = body;
    }

    /** The calling process, which must be a thread-owning process of {@code runtime}. */
    static ThreadProcess requireCurrent(ProcessRuntime runtime) {
        ProcessCell cell = requireCurrent(runtime, "receive");
        if (cell instanceof ThreadProcess process) {
            return process;
        }
        throw new IllegalStateException("receive works only in a process started with spawn(ProcessBody); "
                + cell.pid + " is mailbox-driven and gets its messages through its handler");
    }

    @Override
    void start() {
        Thread started = runtime.newThread(this::run);
        thread = started;
        started.start();
    }

    private void run() {
        enter(this);
        ExitReason reason;
        try {
            body.run();
            reason = ExitReason.NORMAL;
        } catch (Throwable thrown) {
            reason = reasonOf(thrown);
        } finally {
            leave();
        }
        finish(reason);
    }

    @Override
    void signal() {
        if (receiving) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    void interruptRunner() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    ProcessStatus activity() {
        return receiving ? ProcessStatus.WAITING : ProcessStatus.RUNNING;
    }

    /**
     * Takes the oldest message that {@code matches} (any message when it is null), waiting up to
     * {@code timeoutNanos} (negative: forever). Returns null when the time ran out.
     */
    Object receive(Predicate<Object> matches, long timeoutNanos) {
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        while (true) {
            throwIfCurrentIsDead();
            Object message = matches == null ? poll() : pollMatching(matches);
            if (message != null) {
                lastMessage = message;
                return message;
            }
            long remaining = timeoutNanos < 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            receiving = true;
            try {
                if (!hasArrivals()) {
                    if (timeoutNanos < 0) {
                        LockSupport.park(this);
                    } else {
                        LockSupport.parkNanos(this, remaining);
                    }
                }
            } finally {
                receiving = false;
            }
            if (Thread.interrupted()) {
                throwIfCurrentIsDead();
            }
        }
    }
}
