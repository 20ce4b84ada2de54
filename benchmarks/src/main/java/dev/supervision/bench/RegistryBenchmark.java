package dev.supervision.bench;

import dev.supervision.genserver.GenServers;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the name registry, which every call and cast by name goes through. {@code whereis} looks up
 * one of {@code names} registered idle servers; {@code isAlive} looks a pid up in the process table;
 * {@code registerUnregister} takes a name and gives it back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RegistryBenchmark {

    @Param({"10000"})
    public int names;

    private ProcessRuntime runtime;
    private String[] registered;
    private Pid[] pids;
    private Pid spare;

    /** Starts {@code names} idle servers, each under a name of its own, and one unnamed. */
    @Setup
    public void start() {
        runtime = ProcessRuntime.create();
        registered = new String[names];
        pids = new Pid[names];
        for (int i = 0; i < names; i++) {
            registered[i] = "server-" + i;
            pids[i] = GenServers.start(runtime, new Servers.Idle(), null).orThrow();
            runtime.register(registered[i], pids[i]);
        }
        spare = GenServers.start(runtime, new Servers.Idle(), null).orThrow();
    }

    /** Stops everything. */
    @TearDown
    public void stop() {
        runtime.close();
    }

    /** A name, looked up. */
    @Benchmark
    public Optional<Pid> whereis() {
        return runtime.whereis(registered[ThreadLocalRandom.current().nextInt(names)]);
    }

    /** A pid, looked up in the process table. */
    @Benchmark
    public boolean isAlive() {
        return runtime.isAlive(pids[ThreadLocalRandom.current().nextInt(names)]);
    }

    /** A name taken and given back. */
    @Benchmark
    public boolean registerUnregister() {
        runtime.register("spare", spare);
        return runtime.unregister("spare");
    }
}
