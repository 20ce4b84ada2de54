package dev.supervision.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One call in flight: the caller parks on it; the server's reply or the server's death completes it,
 * whichever comes first; once the caller has given up, anything later is dropped.
 */
final class CallSlot implements ReplyTo, DeathWatcher {

    private static final int WAITING = 0;
    private static final int COMPLETING = 1;
    private static final int REPLIED = 2;
    private static final int SERVER_DIED = 3;
    private static final int ABANDONED = 4;

    private static final VarHandle STATE;
    private static final long SPIN_NANOS = 20_000;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(CallSlot.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread waiter = Thread.currentThread();
    private final Pid caller;
    private final boolean deadline;
    @SuppressWarnings("unused") // updated through STATE
    private volatile int state;
    private Object answer;
    private Pid deadServer;
    private ExitReason exitReason;

    CallSlot(Pid caller, boolean deadline) {
        this.caller = caller;
        this.deadline = deadline;
    }

    @Override
    public boolean expired() {
        return deadline && state == ABANDONED;
    }

    @Override
    public void reply(Object value) {
        if (ProcessCell.currentIsDead()) {
            return; // a killed server's late reply is dropped
        }
        if (STATE.compareAndSet(this, WAITING, COMPLETING)) {
            answer = value;
            state = REPLIED;
            LockSupport.unpark(waiter);
        }
    }

    /**
     * A platform thread spins a little before parking: waking a parked platform thread costs several
     * microseconds, more than a typical answer takes. A virtual thread must not spin (it would hold a
     * carrier the server may need); it yields once instead (see {@link #await}).
     */
    private void spinBriefly() {
        long until = System.nanoTime() + SPIN_NANOS;
        for (int i = 0; state == WAITING; i++) {
            if ((i & 63) == 0 && System.nanoTime() > until) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public Optional<Pid> caller() {
        return Optional.ofNullable(caller);
    }

    @Override
    public void processDied(Pid pid, ExitReason reason) {
        if (STATE.compareAndSet(this, WAITING, COMPLETING)) {
            deadServer = pid;
            exitReason = reason;
            state = SERVER_DIED;
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Waits for the answer.
     *
     * <p>A virtual-thread caller yields its carrier once before it parks. The server's activation,
     * started by the request, usually waits in that carrier's queue: it runs at once, answers, and the
     * caller resumes without the park, the timed-park bookkeeping and the wake-up of another carrier
     * (W2 mean 1.65 to 0.9 us, http ratio 0.42 to 0.65; docs/benchmarks.md).
     *
     * @param target how the caller named the server, for error messages
     * @param request the request, for error messages
     * @param timeout how long to wait; {@link ProcessRuntime#INFINITY} waits forever
     */
    Object await(ProcessRef target, Object request, Duration timeout) {
        HandOffs.releaseForCurrentThread();
        boolean forever = ProcessRuntime.isInfinite(timeout);
        long deadline = forever ? 0 : System.nanoTime() + timeout.toNanos();
        if (!waiter.isVirtual()) {
            spinBriefly();
        } else if (state == WAITING) {
            Thread.yield();
        }
        while (true) {
            int current = state;
            if (current == REPLIED) {
                return answer;
            }
            if (current == SERVER_DIED) {
                throw new ServerExitException(target, deadServer, exitReason);
            }
            if (current == COMPLETING) {
                Thread.onSpinWait();
                continue;
            }
            if (Thread.interrupted()) {
                if (STATE.compareAndSet(this, WAITING, ABANDONED)) {
                    Thread.currentThread().interrupt();
                    ProcessCell.throwIfCurrentIsDead();
                    throw new CallInterruptedException(target);
                }
                Thread.currentThread().interrupt();
                continue;
            }
            if (forever) {
                LockSupport.park(this);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    if (STATE.compareAndSet(this, WAITING, ABANDONED)) {
                        throw new CallTimeoutException(target, request, timeout);
                    }
                    continue;
                }
                LockSupport.parkNanos(this, remaining);
            }
        }
    }

    /** How logs show the return address of a call: who waits, not an object identity. */
    @Override
    public String toString() {
        return "ReplyTo[" + (caller == null ? "a plain thread" : caller) + "]";
    }
}
