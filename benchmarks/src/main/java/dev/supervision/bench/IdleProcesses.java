package dev.supervision.bench;

import dev.supervision.genserver.GenServers;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * W1: heap per idle process. {@code genserver} spawns idle GenServers (mailbox-driven: no thread while
 * idle); {@code thread} spawns processes that each park their own virtual thread in receive. Both wait
 * for a stop message.
 *
 * <p>Arguments: {@code genserver|thread [count]}.
 */
public final class IdleProcesses {

    private IdleProcesses() {
    }

    /** Runs the workload. */
    public static void main(String[] args) {
        String shape = args.length > 0 ? args[0] : "genserver";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        ProcessRuntime runtime = ProcessRuntime.create();
        run(runtime, shape, Math.max(1, count / 10)); // warm-up at 10 % size
        run(runtime, shape, count).print();
        runtime.close();
    }

    private static Results run(ProcessRuntime runtime, String shape, int count) {
        Servers.Idle behaviour = new Servers.Idle();
        long before = Heap.usedAfterGc();
        List<Pid> pids = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pids.add("thread".equals(shape)
                    ? runtime.spawn(() -> runtime.receive())
                    : GenServers.start(runtime, behaviour, null).orThrow());
        }
        long spawned = System.nanoTime();
        long after = Heap.usedAfterGc();
        long stopStart = System.nanoTime();
        for (Pid pid : pids) {
            if ("thread".equals(shape)) {
                runtime.send(pid, new Servers.Quit());
            } else {
                runtime.cast(pid, new Servers.Quit());
            }
        }
        while (runtime.processCount() > 0) {
            Thread.onSpinWait();
        }
        long stopped = System.nanoTime();
        return Results.of("thread".equals(shape) ? "w1thread" : "w1")
                .put("n", count)
                .put("spawn_ms", (spawned - start) / 1e6)
                .put("bytes_per_proc", (double) (after - before) / count)
                .put("shutdown_ms", (stopped - stopStart) / 1e6);
    }
}
