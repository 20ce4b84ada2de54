package dev.supervision.supervisor;

import java.time.Duration;

/**
 * A supervisor's own observable state, published whole through one volatile field of its
 * {@link SupervisorView}.
 *
 * @param strategy {@code one_for_one}, {@code one_for_all}, {@code rest_for_one} or {@code dynamic}
 * @param intensity its restart intensity
 * @param period its restart period
 * @param gaveUp whether it reached its intensity and is shutting down
 */
record SupervisorHeader(String strategy, int intensity, Duration period, boolean gaveUp) {

    /** The same header, given up. */
    SupervisorHeader givenUp() {
        return new SupervisorHeader(strategy, intensity, period, true);
    }
}
