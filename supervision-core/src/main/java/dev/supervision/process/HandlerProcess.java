package dev.supervision.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A mailbox-driven process: it holds no thread while idle. A message arriving at an idle process
 * schedules an activation, which runs the handler over the queued messages and ends when the mailbox
 * is empty. The activation gets a virtual thread of its own, or, when the sender is itself an
 * activation, runs on the sender's thread after it ({@link HandOffs}). At most one activation runs at
 * a time, so the handler is never called concurrently.
 */
final class HandlerProcess extends ProcessCell {

    /** Messages handled before an activation yields its carrier to other virtual threads. */
    private static final int BATCH = 256;

    /** The value of {@code scheduled} before the first activation has run {@code onStart}. */
    private static final int FIRST = 2;

    private static final VarHandle SCHEDULED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SCHEDULED = lookup.findVarHandle(HandlerProcess.class, "scheduled", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageHandler handler;
    /**
     * 1 while an activation runs or is about to, which guards against two at once; {@link #FIRST} for the
     * first activation, which runs {@code onStart} before any message (no separate flag: every byte of
     * an idle process counts).
     */
    @SuppressWarnings("unused") // updated through SCHEDULED
    private volatile int scheduled;
    /** The thread running an activation, or null; cleared under the cell's lock. */
    private volatile Thread runner;

    HandlerProcess(Pid pid, ProcessRuntime runtime, MessageHandler handler) {
        super(pid, runtime);
        this.handler = handler;
    }

    @Override
    void start() {
        scheduled = FIRST;
        startOwnThread();
    }

    /** Runs the next activation on a virtual thread of its own. */
    void startOwnThread() {
        runtime.newThread(this::activate).start();
    }

    /**
     * Runs {@code onStart} on the calling process's thread, as this process, then hands the mailbox to
     * activations of its own. An interrupt meant for this process (killed while starting) is cleared
     * before the caller resumes, unless the caller itself was ended meanwhile.
     */
    void startOnCaller(ProcessCell caller) {
        Thread thread = Thread.currentThread();
        scheduled = 1;
        runner = thread;
        enter(this);
        try {
            handler.onStart();
        } catch (Throwable thrown) {
            finish(reasonOf(thrown));
        } finally {
            clearRunner(thread);
            runtime.handOffs.release();
            if (caller == null) {
                leave();
            } else {
                enter(caller);
            }
        }
        if (!isAlive() && Thread.interrupted() && caller != null && !caller.isAlive()) {
            thread.interrupt(); // the interrupt that ended this process is cleared, not one for a dead caller
        }
        if (!releaseUnlessMoreArrived() && isAlive()) {
            startOwnThread();
        }
    }

    /**
     * Schedules an activation if none runs or is due. When the sender is itself an activation, its
     * thread keeps the new activation and runs it once its own ends ({@link HandOffs}).
     */
    @Override
    void signal() {
        if (scheduled == 0 && SCHEDULED.compareAndSet(this, 0, 1)) {
            if (current() instanceof HandlerProcess sender && sender != this
                    && sender.runtime == runtime && sender.runner == Thread.currentThread()
                    && runtime.handOffs.keep(this)) {
                return;
            }
            startOwnThread();
        }
    }

    /**
     * Interrupts the thread running an activation, under the cell's lock: that thread clears its mark
     * under the same lock before it runs another process's activation (a hand-off), so the interrupt
     * cannot reach the other process.
     */
    @Override
    synchronized void interruptRunner() {
        Thread running = runner;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Clears {@code thread}'s mark; a later activation may already have taken over, so only our own. */
    private synchronized void clearRunner(Thread thread) {
        if (runner == thread) {
            runner = null;
        }
    }

    @Override
    ProcessStatus activity() {
        return runner != null ? ProcessStatus.RUNNING : ProcessStatus.WAITING;
    }

    @Override
    void onExit(ExitReason reason) {
        handler.onExit(reason);
    }

    /**
     * The body of an activation's thread: this process's activation, then those handed off to the
     * thread, one after the other, yielding the carrier every {@value #BATCH} of them.
     */
    private void activate() {
        HandlerProcess next = this;
        for (int handOffs = 1; next != null; handOffs++) {
            next.activateOnce();
            next = runtime.handOffs.take();
            Thread.interrupted(); // an interrupt meant for the process just run is not for the next one
            if (next != null && handOffs % BATCH == 0) {
                Thread.yield();
            }
        }
    }

    private void activateOnce() {
        runner = Thread.currentThread();
        enter(this);
        try {
            if (scheduled == FIRST) {
                scheduled = 1;
                handler.onStart();
            }
            drain();
        } catch (Throwable thrown) {
            finish(reasonOf(thrown));
        } finally {
            leave();
            clearRunner(Thread.currentThread());
        }
    }

    /**
     * Gives the activation up; if a message arrived meanwhile and no other activation claimed it, takes
     * the activation back. Returns whether it was given up for good.
     */
    private boolean releaseUnlessMoreArrived() {
        scheduled = 0;
        return isEmpty() || !SCHEDULED.compareAndSet(this, 0, 1);
    }

    private void drain() throws Exception {
        int handled = 0;
        while (isAlive()) {
            Object message = poll();
            if (message == null) {
                if (releaseUnlessMoreArrived()) {
                    return;
                }
                continue;
            }
            lastMessage = message;
            handler.onMessage(message);
            if (runtime.handOffs.keepsOne() && !isEmpty()) {
                runtime.handOffs.release(); // more of our own to do: the kept activation should not wait for it
            }
            if (++handled == BATCH) {
                handled = 0;
                Thread.yield();
            }
        }
    }
}
