package dev.supervision.process;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Timers of a runtime: one daemon platform thread fires them all. */
final class Timers implements AutoCloseable {

    /** A started timer: it fires only if it is still pending, so a cancel always wins or loses cleanly. */
    private static final class Pending {
        final long deadline;
        volatile ScheduledFuture<?> future;

        Pending(long deadline) {
            this.deadline = deadline;
        }
    }

    private final ScheduledThreadPoolExecutor scheduler;
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    Timers(String threadName) {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code action} once after {@code delay}; the returned ref cancels it. With a {@code target},
     * the timer is the target's: it is cancelled when the target exits (null: nobody's).
     */
    TimerRef start(Duration delay, Runnable action, ProcessCell target) {
        long id = ids.incrementAndGet();
        long nanos = delay.toNanos();
        Pending timer = new Pending(System.nanoTime() + nanos);
        TimerRef ref = new TimerRef(id);
        pending.put(id, timer);
        if (target != null && !target.holdTimer(ref)) {
            pending.remove(id);
            return ref; // the target has ended: the timer never fires
        }
        timer.future = scheduler.schedule(() -> {
            if (pending.remove(id) != null) {
                if (target != null) {
                    target.forgetTimer(ref);
                }
                action.run();
            }
        }, nanos, TimeUnit.NANOSECONDS);
        return ref;
    }

    /** Runs {@code action} after {@code delay}, with no ref: for internal timeouts. */
    ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return scheduler.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Sends {@code message} to {@code to} after {@code delay}: a timer aimed at a pid belongs to that
     * process and never fires once it has ended; one aimed at a name resolves it when it fires.
     */
    TimerRef sendAfter(ProcessTable table, Duration delay, ProcessRef to, Object message) {
        if (to instanceof ProcessName(String name)) {
            return start(delay, () -> {
                ProcessCell cell = table.whereis(name);
                if (cell != null) {
                    cell.deliver(message);
                }
            }, null);
        }
        ProcessCell target = table.resolve(to);
        if (target == null) {
            return new TimerRef(ids.incrementAndGet()); // a dead target: the timer never sends
        }
        return start(delay, () -> target.deliver(message), target);
    }

    /** Cancels the timers of a process that ended. */
    void cancelAll(Iterable<TimerRef> refs) {
        for (TimerRef ref : refs) {
            cancel(ref);
        }
    }

    /** Cancels a timer; returns the time it had left, or empty when it had fired or was unknown. */
    Optional<Duration> cancel(TimerRef ref) {
        Pending timer = pending.remove(ref.id());
        if (timer == null) {
            return Optional.empty();
        }
        ScheduledFuture<?> future = timer.future;
        if (future != null) {
            future.cancel(false);
        }
        return Optional.of(Duration.ofNanos(Math.max(0, timer.deadline - System.nanoTime())));
    }

    int pending() {
        return pending.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        pending.clear();
    }
}
