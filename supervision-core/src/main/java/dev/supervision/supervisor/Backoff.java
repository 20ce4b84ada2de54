package dev.supervision.supervisor;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A restart backoff, beyond OTP: the n-th consecutive restart of a child waits
 * {@code min(max, initial * multiplier^(n-1))}, spread by up to {@code jitter} (a fraction) either way.
 * A child that ran for {@code resetAfter} without exiting starts again from {@code initial}.
 * Restart intensity still decides when the supervisor gives up; during a backoff the child shows as
 * restarting and the supervisor keeps serving calls and can shut down.
 *
 * @param initial the first delay
 * @param max the longest delay
 * @param multiplier the growth per consecutive restart, at least 1
 * @param jitter the random spread, from 0 to 1
 * @param resetAfter how long a child must run before its delay starts again from {@code initial}
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter, Duration resetAfter) {

    /** Validates every field, naming it and its value. */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (initial.isNegative()) {
            throw new InvalidSpecException("initial", initial, "backoff 'initial' must be zero or more, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new InvalidSpecException("max", max,
                    "backoff 'max' (" + max + ") must not be less than 'initial' (" + initial + ")");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new InvalidSpecException("multiplier", multiplier, "backoff 'multiplier' must be 1 or more, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new InvalidSpecException("jitter", jitter, "backoff 'jitter' must be between 0 and 1, got " + jitter);
        }
        if (resetAfter.isNegative()) {
            throw new InvalidSpecException("resetAfter", resetAfter,
                    "backoff 'resetAfter' must be zero or more, got " + resetAfter);
        }
    }

    /** An exponential backoff from {@code initial} to {@code max}, doubling, 20 % jitter, reset after {@code max}. */
    public static Backoff exponential(Duration initial, Duration max) {
        return new Backoff(initial, max, 2.0, 0.2, max);
    }

    /** The same backoff with another multiplier. */
    public Backoff withMultiplier(double newMultiplier) {
        return new Backoff(initial, max, newMultiplier, jitter, resetAfter);
    }

    /** The same backoff with another jitter. */
    public Backoff withJitter(double newJitter) {
        return new Backoff(initial, max, multiplier, newJitter, resetAfter);
    }

    /** The same backoff with another reset period. */
    public Backoff withResetAfter(Duration newResetAfter) {
        return new Backoff(initial, max, multiplier, jitter, newResetAfter);
    }

    /**
     * The delay before consecutive restart number {@code attempt} (1 for the first).
     *
     * @param random the source of jitter
     */
    public Duration delay(int attempt, RandomGenerator random) {
        double base = initial.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, max.toNanos());
        double spread = jitter == 0 ? 0 : capped * jitter * (2 * random.nextDouble() - 1);
        return Duration.ofNanos((long) Math.max(0, Math.min(capped + spread, max.toNanos())));
    }
}
