package dev.supervision.supervisor;

import java.time.Duration;
import java.util.Objects;

/** How a supervisor stops a child: kill it, ask it and wait a while, or ask it and wait as long as it takes. */
public sealed interface Shutdown {

    /** {@code brutal_kill}: the untrappable kill signal; the child's terminate never runs. */
    Shutdown BRUTAL_KILL = new BrutalKill();
    /** {@code infinity}: the {@code shutdown} signal, then wait without a limit (the default for supervisors). */
    Shutdown INFINITY = new Infinity();
    /** 5 seconds: the default for workers. */
    Shutdown DEFAULT_WORKER = new Timeout(Duration.ofSeconds(5));

    /** The {@code shutdown} signal, then kill after {@code timeout}. */
    static Shutdown timeout(Duration timeout) {
        return new Timeout(timeout);
    }

    /** The default for a child type. */
    static Shutdown defaultFor(ChildType type) {
        return type == ChildType.SUPERVISOR ? INFINITY : DEFAULT_WORKER;
    }

    /** Kill at once. */
    record BrutalKill() implements Shutdown {
        @Override
        public String toString() {
            return "brutal_kill";
        }
    }

    /** Wait without a limit. */
    record Infinity() implements Shutdown {
        @Override
        public String toString() {
            return "infinity";
        }
    }

    /**
     * Ask, wait, then kill.
     *
     * @param timeout how long the child has to stop; zero or more
     */
    record Timeout(Duration timeout) implements Shutdown {
        /** Rejects a negative timeout, naming it. */
        public Timeout {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new InvalidSpecException("shutdown", timeout, "child spec 'shutdown' must be zero or more, got " + timeout);
            }
        }

        @Override
        public String toString() {
            return timeout.toMillis() + " ms";
        }
    }
}
