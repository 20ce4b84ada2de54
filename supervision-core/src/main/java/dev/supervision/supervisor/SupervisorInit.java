package dev.supervision.supervisor;

import dev.supervision.genserver.Init;

/**
 * A supervisor's {@code init}: runs in the new supervisor's process and returns its spec
 * ({@code Init.ok(spec)}), or {@code Init.ignore()}, or {@code Init.stop(reason)}. Throwing fails the
 * start. For a fixed spec, pass the {@link SupervisorSpec} itself to {@link Supervisor#start}.
 */
@FunctionalInterface
public interface SupervisorInit {

    /** Decides the spec. */
    Init<SupervisorSpec> init() throws Exception;
}
