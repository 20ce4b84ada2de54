package dev.supervision.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A mailbox-driven process: it holds no thread while idle. A message arriving at an idle process
 * starts one virtual thread (an activation) that runs the handler over the queued messages and ends
 * when the mailbox is empty. At most one activation runs at a time, so the handler is never called
 * concurrently.
 */
final class HandlerProcess extends ProcessCell {

    /** Messages handled before an activation yields its carrier to other virtual threads. */
    private static final int BATCH = 256;

    /** The value of {@code scheduled} before the first activation has run {@code onStart}. */
    private static final int FIRST = 2;

    private static final VarHandle SCHEDULED;
    private static final VarHandle RUNNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SCHEDULED = lookup.findVarHandle(HandlerProcess.class, "scheduled", int.class);
            RUNNER = lookup.findVarHandle(HandlerProcess.class, "runner", Thread.class);
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
    @SuppressWarnings("unused") // cleared through RUNNER
    private volatile Thread runner;

    HandlerProcess(Pid pid, ProcessRuntime runtime, MessageHandler handler) {
        super(pid, runtime);
        this.handler = handler;
    }

    @Override
    void start() {
        scheduled = FIRST;
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
            terminate(reasonOf(thrown));
        } finally {
            RUNNER.compareAndSet(this, thread, null);
            enter(caller);
        }
        if (Thread.interrupted() && !caller.isAlive()) {
            thread.interrupt();
        }
        if (!releaseUnlessMoreArrived() && isAlive()) {
            runtime.newThread(this::activate).start();
        }
    }

    @Override
    void signal() {
        if (scheduled == 0 && SCHEDULED.compareAndSet(this, 0, 1)) {
            runtime.newThread(this::activate).start();
        }
    }

    @Override
    void interruptRunner() {
        Thread running = runner;
        if (running != null) {
            running.interrupt();
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

    private void activate() {
        runner = Thread.currentThread();
        enter(this);
        try {
            if (scheduled == FIRST) {
                scheduled = 1;
                handler.onStart();
            }
            drain();
        } catch (Throwable thrown) {
            terminate(reasonOf(thrown));
        } finally {
            leave();
            // a later activation may already have taken over: clear only our own mark
            RUNNER.compareAndSet(this, Thread.currentThread(), null);
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
            if (++handled == BATCH) {
                handled = 0;
                Thread.yield();
            }
        }
    }
}
