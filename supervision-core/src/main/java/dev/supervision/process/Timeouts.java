package dev.supervision.process;

import java.time.Duration;
import java.util.Objects;

/** The checks and conversions of timeouts and delays that every waiting operation shares. */
final class Timeouts {

    private Timeouts() {
    }

    static boolean isInfinite(Duration timeout) {
        return timeout.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L;
    }

    static void requireTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
    }

    static Duration requireDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return delay;
    }

    /** The timeout in nanoseconds; -1 for one that never passes. */
    static long nanos(Duration timeout) {
        requireTimeout(timeout);
        return isInfinite(timeout) ? -1 : timeout.toNanos();
    }
}
