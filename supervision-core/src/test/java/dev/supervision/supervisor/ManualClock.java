package dev.supervision.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A supervisor clock that moves only when the test says so; due actions run on {@link #advance}. */
final class ManualClock implements SupervisorClock {

    private record Task(long due, Runnable action, boolean[] cancelled) {
    }

    private long now = 1_000_000_000_000L;
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable action) {
        Task task = new Task(now + delay.toNanos(), action, new boolean[1]);
        tasks.add(task);
        return () -> {
            synchronized (ManualClock.this) {
                task.cancelled()[0] = true;
            }
        };
    }

    /** Moves time forward and runs every action that came due, in due order. */
    void advance(Duration by) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            now += by.toNanos();
            tasks.removeIf(task -> {
                if (task.cancelled()[0]) {
                    return true;
                }
                if (task.due() <= now) {
                    due.add(task);
                    return true;
                }
                return false;
            });
        }
        due.stream().sorted((a, b) -> Long.compare(a.due(), b.due())).forEach(task -> task.action().run());
    }

    /** Actions scheduled and not yet run or cancelled. */
    synchronized int pending() {
        return (int) tasks.stream().filter(task -> !task.cancelled()[0]).count();
    }

    /** The delay of the one pending action. */
    synchronized Duration onlyPendingDelay() {
        List<Task> live = tasks.stream().filter(task -> !task.cancelled()[0]).toList();
        if (live.size() != 1) {
            throw new AssertionError("expected one pending action, found " + live.size());
        }
        return Duration.ofNanos(live.getFirst().due() - now);
    }
}
