package dev.supervision.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link SupervisorClock} for tests, that moves only when the test calls {@link #advance}: restart
 * intensity is counted on it and backoff delays wait on it, so a test of a 30-second backoff takes no
 * time. Give it to {@code Supervisor.start(runtime, init, options, clock)}. Thread-safe; due actions
 * run on the thread that advances.
 */
public final class ManualClock implements SupervisorClock {

    private static final class Task {
        final long due;
        final Runnable action;
        boolean cancelled;

        Task(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }
    }

    private long now = 1_000_000_000_000L;
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable action) {
        Task task = new Task(now + delay.toNanos(), action);
        tasks.add(task);
        return () -> {
            synchronized (ManualClock.this) {
                task.cancelled = true;
            }
        };
    }

    /** Moves time forward by {@code by} and runs every action that came due, in the order they fall due. */
    public void advance(Duration by) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            now += by.toNanos();
            tasks.removeIf(task -> {
                if (task.cancelled) {
                    return true;
                }
                if (task.due <= now) {
                    due.add(task);
                    return true;
                }
                return false;
            });
        }
        due.sort(Comparator.comparingLong(task -> task.due));
        due.forEach(task -> task.action.run());
    }

    /** How many scheduled actions have neither run nor been cancelled. */
    public synchronized int pending() {
        return (int) tasks.stream().filter(task -> !task.cancelled).count();
    }

    /**
     * The delay of the one pending action.
     *
     * @throws AssertionError when not exactly one action is pending
     */
    public synchronized Duration onlyPendingDelay() {
        List<Task> live = tasks.stream().filter(task -> !task.cancelled).toList();
        if (live.size() != 1) {
            throw new AssertionError("expected one pending action, found " + live.size());
        }
        return Duration.ofNanos(live.getFirst().due - now);
    }

    /** How long until the next pending action is due; empty when none is pending. */
    public synchronized java.util.Optional<Duration> untilNext() {
        return tasks.stream().filter(task -> !task.cancelled).mapToLong(task -> task.due - now).min()
                .stream().mapToObj(Duration::ofNanos).findFirst();
    }
}
