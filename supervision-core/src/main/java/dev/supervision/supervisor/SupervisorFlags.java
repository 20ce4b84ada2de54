package dev.supervision.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * A supervisor's flags. The defaults are Erlang's: {@code one_for_one}, at most 1 restart in 5
 * seconds, auto shutdown {@code never}; no backoff.
 *
 * @param strategy which children restart together
 * @param intensity the most restarts allowed within {@code period}; one more and the supervisor gives up
 * @param period the window of {@code intensity}, in whole seconds, at least 1
 * @param autoShutdown whether significant children may shut the supervisor down
 * @param backoff the restart backoff of children that have none of their own, or null for none
 */
public record SupervisorFlags(Strategy strategy, int intensity, Duration period, AutoShutdown autoShutdown,
        Backoff backoff) {

    /** Erlang's defaults. */
    public static final SupervisorFlags DEFAULT =
            new SupervisorFlags(Strategy.ONE_FOR_ONE, 1, Duration.ofSeconds(5), AutoShutdown.NEVER, null);

    /** Validates every flag, naming it and its value. */
    public SupervisorFlags {
        Objects.requireNonNull(strategy, "supervisor flag 'strategy' is required");
        Objects.requireNonNull(period, "supervisor flag 'period' is required");
        Objects.requireNonNull(autoShutdown, "supervisor flag 'autoShutdown' is required");
        if (intensity < 0) {
            throw new InvalidSpecException("intensity", intensity, "supervisor flag 'intensity' must be 0 or more, got " + intensity);
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.getNano() != 0) {
            throw new InvalidSpecException("period", period,
                    "supervisor flag 'period' must be a whole number of seconds, at least 1, got " + period);
        }
    }

    /** The defaults with {@code strategy}. */
    public static SupervisorFlags of(Strategy strategy) {
        return DEFAULT.withStrategy(strategy);
    }

    /** The same flags with another strategy. */
    public SupervisorFlags withStrategy(Strategy newStrategy) {
        return new SupervisorFlags(newStrategy, intensity, period, autoShutdown, backoff);
    }

    /** The same flags with another restart intensity: at most {@code maxRestarts} within {@code newPeriod}. */
    public SupervisorFlags withIntensity(int maxRestarts, Duration newPeriod) {
        return new SupervisorFlags(strategy, maxRestarts, newPeriod, autoShutdown, backoff);
    }

    /** The same flags with another auto shutdown. */
    public SupervisorFlags withAutoShutdown(AutoShutdown newAutoShutdown) {
        return new SupervisorFlags(strategy, intensity, period, newAutoShutdown, backoff);
    }

    /** The same flags with a default backoff for the children. */
    public SupervisorFlags withBackoff(Backoff newBackoff) {
        return new SupervisorFlags(strategy, intensity, period, autoShutdown, newBackoff);
    }
}
