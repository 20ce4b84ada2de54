package dev.supervision.supervisor;

import java.util.ArrayDeque;

/**
 * Counts restarts exactly as OTP's {@code add_restart}: timestamps in whole seconds of a monotonic
 * clock, a sliding window of {@code period} seconds with an inclusive boundary, and giving up when
 * there are more than {@code intensity} restarts in it.
 *
 * <p>Restarts are kept as one counter per second, so the work per restart is O(1) however many
 * restarts the window holds (OTP filters a list that grows with them).
 */
final class RestartIntensity {

    private final int intensity;
    private final long periodSeconds;
    /** Pairs of (second, restarts in that second), oldest first; at most period + 1 of them. */
    private final ArrayDeque<long[]> seconds = new ArrayDeque<>();
    private long inWindow;

    RestartIntensity(int intensity, long periodSeconds) {
        this.intensity = intensity;
        this.periodSeconds = periodSeconds;
    }

    /** Records one restart at {@code nanoTime}; returns false when that exceeds the intensity. */
    boolean add(long nanoTime) {
        long now = Math.floorDiv(nanoTime, 1_000_000_000L);
        while (!seconds.isEmpty() && seconds.peekFirst()[0] < now - periodSeconds) {
            inWindow -= seconds.pollFirst()[1];
        }
        long[] latest = seconds.peekLast();
        if (latest != null && latest[0] == now) {
            latest[1]++;
        } else {
            seconds.addLast(new long[] {now, 1});
        }
        inWindow++;
        return inWindow <= intensity;
    }
}
