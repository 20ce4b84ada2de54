package dev.supervision.process;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Activations handed off from one process's thread to the next: when a mailbox-driven process sends
 * to an idle one, the sender's thread may keep the receiver's activation and run it itself once the
 * sender's activation ends, instead of starting a virtual thread for it. A chain of messages (a
 * ring, a token, a restart) then stays on one thread and one carrier: no thread start, no wake-up of
 * another carrier.
 *
 * <p>A thread keeps at most one such activation, in a slot picked by its thread id; when the slot is
 * taken by another thread, the receiver gets its own thread as usual. The sender gives the activation
 * its own thread at once when it is about to wait inside the runtime (a call, {@code awaitExit}), or
 * when more messages wait for the sender itself.
 *
 * <p>Each runtime has its own hand-offs, slots and watchdog: two runtimes in one JVM share nothing.
 *
 * <p>A sender may also block outside the runtime (a lock, a latch, I/O) while it keeps an activation.
 * A watchdog thread looks at the slots every millisecond, while any are in use; an activation it has
 * seen kept in the same slot for a millisecond or more ({@link #patienceNanos}) gets its own thread. So
 * a kept receiver waits about two milliseconds at most for a blocked sender, and never for ever.
 */
final class HandOffs {

    private static final int SLOTS = 256;
    private static final long SWEEP_NANOS = 1_000_000;
    /** Empty sweeps before the watchdog parks until the next hand-off. */
    private static final int IDLE_SWEEPS = 1_000;

    /**
     * How long the watchdog lets an activation stay kept before it gives it a thread of its own;
     * package-private so that a test can hold a hand-off long enough to observe it.
     */
    volatile long patienceNanos = SWEEP_NANOS;

    private final AtomicReferenceArray<Thread> owners = new AtomicReferenceArray<>(SLOTS);
    private final AtomicReferenceArray<HandlerProcess> kept = new AtomicReferenceArray<>(SLOTS);
    private final Watchdog watchdog;

    HandOffs(String watchdogName) {
        watchdog = new Watchdog(watchdogName);
    }

    /** Gives the activation the calling thread keeps for the runtime of the process it runs, if any, a thread. */
    static void releaseForCurrentThread() {
        ProcessCell current = ProcessCell.current();
        if (current != null) {
            current.runtime.handOffs.release();
        }
    }

    /** Stops the watchdog; kept activations are dropped with the runtime's processes. */
    void close() {
        watchdog.stop();
    }

    private static int slotOf(Thread thread) {
        return (int) thread.threadId() & (SLOTS - 1);
    }

    /**
     * Keeps {@code receiver}'s activation for the calling thread to run later. Returns false, keeping
     * nothing, when this thread's slot is in use.
     */
    boolean keep(HandlerProcess receiver) {
        Thread thread = Thread.currentThread();
        int slot = slotOf(thread);
        if (!owners.compareAndSet(slot, null, thread)) {
            return false;
        }
        kept.set(slot, receiver);
        watchdog.wake();
        return true;
    }

    /** Whether the calling thread keeps an activation; cheap, for every message handled. */
    boolean keepsOne() {
        Thread thread = Thread.currentThread();
        return owners.get(slotOf(thread)) == thread;
    }

    /** Takes back the activation the calling thread keeps, or null (none, or the watchdog started it). */
    HandlerProcess take() {
        Thread thread = Thread.currentThread();
        int slot = slotOf(thread);
        if (owners.get(slot) != thread) {
            return null;
        }
        HandlerProcess taken = kept.getAndSet(slot, null);
        if (taken != null) {
            owners.set(slot, null);
        }
        return taken;
    }

    /** Gives the activation the calling thread keeps, if any, a thread of its own. */
    void release() {
        HandlerProcess taken = take();
        if (taken != null) {
            taken.startOwnThread();
        }
    }

    /** Starts the activations kept for longer than the patience; parks while no slot is in use. */
    private final class Watchdog implements Runnable {
        private final String name;
        private final HandlerProcess[] seen = new HandlerProcess[SLOTS];
        private final long[] seenSince = new long[SLOTS];
        private volatile Thread thread;
        private volatile boolean parked = true;
        private volatile boolean stopped;

        Watchdog(String name) {
            this.name = name;
        }

        void stop() {
            stopped = true;
            Thread running = thread;
            if (running != null) {
                LockSupport.unpark(running);
            }
        }

        void wake() {
            if (parked && !stopped) {
                start();
                parked = false;
                LockSupport.unpark(thread);
            }
        }

        private synchronized void start() {
            if (thread == null) {
                Thread started = new Thread(this, name);
                started.setDaemon(true);
                thread = started;
                started.start();
            }
        }

        @Override
        public void run() {
            int idle = 0;
            while (!stopped) {
                if (sweep()) {
                    idle = 0;
                } else if (++idle >= IDLE_SWEEPS) {
                    idle = 0;
                    parked = true;
                    if (!anyKept()) { // a hand-off that saw parked == false before we set it is seen here
                        LockSupport.park(this);
                    }
                    parked = false;
                }
                LockSupport.parkNanos(this, SWEEP_NANOS);
            }
        }

        /** One look at every slot; whether any was in use. */
        private boolean sweep() {
            boolean any = false;
            long now = System.nanoTime();
            for (int slot = 0; slot < SLOTS; slot++) {
                HandlerProcess held = kept.get(slot);
                if (held == null) {
                    seen[slot] = null;
                    continue;
                }
                any = true;
                if (held != seen[slot]) {
                    seen[slot] = held;
                    seenSince[slot] = now;
                } else if (now - seenSince[slot] >= patienceNanos) {
                    seen[slot] = null;
                    if (kept.compareAndSet(slot, held, null)) {
                        owners.set(slot, null);
                        held.startOwnThread();
                    }
                }
            }
            return any;
        }

        private boolean anyKept() {
            for (int slot = 0; slot < SLOTS; slot++) {
                if (kept.get(slot) != null) {
                    return true;
                }
            }
            return false;
        }
    }
}
