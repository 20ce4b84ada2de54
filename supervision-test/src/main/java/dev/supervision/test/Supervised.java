package dev.supervision.test;

import dev.supervision.genserver.StartOptions;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.DynamicSupervisor;
import dev.supervision.supervisor.DynamicSupervisorSpec;
import dev.supervision.supervisor.Supervisor;
import java.util.Objects;

/**
 * Elixir's {@code start_supervised} for one test: what the test starts here runs under a dynamic
 * supervisor of the test's own (Elixir's defaults, 3 restarts in 5 s), is restarted as its spec says,
 * and is stopped through the shutdown protocol (so a trapping server's {@code terminate} runs) when the
 * test ends, before its runtime is closed.
 * {@link SupervisionExtension} injects one per test.
 */
public final class Supervised implements AutoCloseable {

    private final ProcessRuntime runtime;
    private Pid supervisor;

    /** Supervision of test processes on {@code runtime}; the supervisor starts with the first child. */
    public Supervised(ProcessRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** The runtime the children run on. */
    public ProcessRuntime runtime() {
        return runtime;
    }

    /**
     * Starts {@code spec} under the test's supervisor and returns its pid.
     *
     * @throws AssertionError naming the child and the reason when its start fails or is ignored
     */
    public Pid start(ChildSpec spec) {
        Objects.requireNonNull(spec, "spec");
        StartResult result = DynamicSupervisor.startChild(runtime, supervisor(), spec);
        if (result instanceof StartResult.Started started) {
            return started.pid();
        }
        throw new AssertionError("the supervised start of '" + spec.id() + "' did not start a process: " + result);
    }

    /** Stops everything started here through the shutdown protocol. */
    @Override
    public synchronized void close() {
        if (supervisor != null && runtime.isAlive(supervisor)) {
            Supervisor.stop(runtime, supervisor);
        }
    }

    private synchronized Pid supervisor() {
        if (supervisor == null) {
            supervisor = DynamicSupervisor.start(runtime, DynamicSupervisorSpec.DEFAULT, StartOptions.DEFAULT).orThrow();
        }
        return supervisor;
    }
}
