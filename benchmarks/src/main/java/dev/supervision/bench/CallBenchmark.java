package dev.supervision.bench;

import dev.supervision.genserver.GenServers;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the round trip of a {@code call} from the benchmark's platform thread to an idle GenServer
 * answering a constant (the W2 thread path, with JMH's statistics), and casts for comparison: a
 * batch of {@value #CASTS} casts to a counter closed by one call, so the backlog stays bounded and the
 * time per cast includes the server handling it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CallBenchmark {

    private static final int CASTS = 1000;

    private ProcessRuntime runtime;
    private Pid server;
    private Pid counter;

    /** One runtime, one constant server and one counter for the whole trial. */
    @Setup
    public void start() {
        runtime = ProcessRuntime.create();
        server = GenServers.start(runtime, new Servers.Constant(), null).orThrow();
        counter = GenServers.start(runtime, new Servers.Counter(), null).orThrow();
    }

    /** Stops everything. */
    @TearDown
    public void stop() {
        runtime.close();
    }

    /** One call answered by the constant server. */
    @Benchmark
    public Object call() {
        return runtime.call(server, "ping");
    }

    /** {@value #CASTS} casts to the counter, then a call that waits until all are handled; time per cast. */
    @Benchmark
    @OperationsPerInvocation(CASTS)
    public Object castBatch() {
        for (int i = 0; i < CASTS; i++) {
            runtime.cast(counter, "increment");
        }
        return runtime.call(counter, "count");
    }
}
