package dev.supervision.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A dynamic supervisor's settings (Elixir's {@code DynamicSupervisor}): children are started at run
 * time, restarted one for one, and shut down concurrently. The defaults are Elixir's: 3 restarts in
 * 5 seconds, no limit on children, no extra arguments.
 *
 * @param intensity the most restarts allowed within {@code period}
 * @param period the window of {@code intensity}, whole seconds, at least 1
 * @param maxChildren the most children at once, restarting ones included
 * @param extraArguments prepended to the arguments of every child start, also on restarts
 * @param backoff the restart backoff of children that have none of their own, or null
 */
public record DynamicSupervisorSpec(int intensity, Duration period, int maxChildren, List<Object> extraArguments,
        Backoff backoff) {

    /** Elixir's defaults. */
    public static final DynamicSupervisorSpec DEFAULT =
            new DynamicSupervisorSpec(3, Duration.ofSeconds(5), Integer.MAX_VALUE, List.of(), null);

    /** Validates every field, naming it and its value. */
    public DynamicSupervisorSpec {
        extraArguments = List.copyOf(Objects.requireNonNull(extraArguments, "extraArguments"));
        if (maxChildren < 0) {
            throw new InvalidSpecException("maxChildren", maxChildren,
                    "dynamic supervisor 'maxChildren' must be 0 or more, got " + maxChildren);
        }
        flags(intensity, period, backoff); // validates intensity and period the same way as a static supervisor's
    }

    /** The same settings with another intensity. */
    public DynamicSupervisorSpec withIntensity(int maxRestarts, Duration newPeriod) {
        return new DynamicSupervisorSpec(maxRestarts, newPeriod, maxChildren, extraArguments, backoff);
    }

    /** The same settings with a limit on children. */
    public DynamicSupervisorSpec withMaxChildren(int newMaxChildren) {
        return new DynamicSupervisorSpec(intensity, period, newMaxChildren, extraArguments, backoff);
    }

    /** The same settings with extra arguments for every child start. */
    public DynamicSupervisorSpec withExtraArguments(List<Object> newExtraArguments) {
        return new DynamicSupervisorSpec(intensity, period, maxChildren, newExtraArguments, backoff);
    }

    /** The same settings with a default backoff. */
    public DynamicSupervisorSpec withBackoff(Backoff newBackoff) {
        return new DynamicSupervisorSpec(intensity, period, maxChildren, extraArguments, newBackoff);
    }

    SupervisorFlags flags() {
        return flags(intensity, period, backoff);
    }

    private static SupervisorFlags flags(int intensity, Duration period, Backoff backoff) {
        return new SupervisorFlags(Strategy.ONE_FOR_ONE, intensity, period, AutoShutdown.NEVER, backoff);
    }
}
