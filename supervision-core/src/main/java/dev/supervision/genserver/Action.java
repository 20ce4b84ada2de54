package dev.supervision.genserver;

import java.time.Duration;
import java.util.Objects;

/**
 * What a GenServer does after a callback, before its next message (the optional last element of
 * OTP's return tuples).
 */
public sealed interface Action {

    /** Nothing special: wait for the next message. */
    Action NONE = new None();
    /**
     * OTP's {@code hibernate}. A GenServer here already holds no thread while idle, so this changes
     * nothing but is accepted for parity.
     */
    Action HIBERNATE = new Hibernate();

    /**
     * Call {@code handleInfo(IdleTimeout.INSTANCE, state)} if no message arrives within {@code after};
     * any message cancels it.
     */
    static Action timeout(Duration after) {
        return new Timeout(after);
    }

    /** Call {@code handleContinue(value, state)} at once, before any message, even one already queued. */
    static Action continueWith(Object value) {
        return new Continue(value);
    }

    /** No action. */
    record None() implements Action {
    }

    /** OTP's {@code hibernate}; see {@link #HIBERNATE}. */
    record Hibernate() implements Action {
    }

    /**
     * An idle timeout.
     *
     * @param after how long without a message; {@code ProcessRuntime.INFINITY} disables it
     */
    record Timeout(Duration after) implements Action {
        /** Rejects a missing or negative duration. */
        public Timeout {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative: " + after);
            }
        }
    }

    /**
     * A continuation.
     *
     * @param value passed to {@code handleContinue}
     */
    record Continue(Object value) implements Action {
    }
}
