package dev.supervision.bench;

import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Result;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.util.concurrent.CountDownLatch;

/**
 * W3 ring: processes in a ring pass one token around; each hop is one message.
 *
 * <p>Arguments: {@code [processes] [hops]}.
 */
public final class Ring {

    /** Tells a ring member who comes next. */
    record Next(Pid pid) {
    }

    /** The token, with the hops still to go. */
    record Token(long hopsLeft) {
    }

    /** A ring member: forwards the token, counting down. */
    static final class Member implements GenServerBehaviour<Pid> {
        private final CountDownLatch done;

        Member(CountDownLatch done) {
            this.done = done;
        }

        @Override
        public Init<Pid> init(Object arg) {
            return Init.ok(null);
        }

        @Override
        public Result<Pid> handleInfo(Object message, Pid next) {
            return switch (message) {
                case Next(Pid pid) -> new NoReply<>(pid);
                case Token(long left) -> {
                    if (left == 0) {
                        done.countDown();
                    } else {
                        ProcessRuntime.current().send(next, new Token(left - 1));
                    }
                    yield new NoReply<>(next);
                }
                default -> new NoReply<>(next);
            };
        }
    }

    private Ring() {
    }

    /** Runs the workload. */
    public static void main(String[] args) throws InterruptedException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long hops = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        try (ProcessRuntime runtime = ProcessRuntime.create()) {
            run(runtime, size / 10, hops / 10);
            run(runtime, size, hops).print();
        }
    }

    private static Results run(ProcessRuntime runtime, int size, long hops) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long setupStart = System.nanoTime();
        Pid[] ring = new Pid[size];
        for (int i = 0; i < size; i++) {
            ring[i] = GenServers.start(runtime, new Member(done), null).orThrow();
        }
        for (int i = 0; i < size; i++) {
            runtime.send(ring[i], new Next(ring[(i + 1) % size]));
        }
        long setupNanos = System.nanoTime() - setupStart;
        long start = System.nanoTime();
        runtime.send(ring[0], new Token(hops));
        done.await();
        long ringNanos = System.nanoTime() - start;
        for (Pid pid : ring) {
            GenServers.stop(runtime, pid);
        }
        return Results.of("w3ring").put("processes", size).put("hops", hops)
                .put("hops_per_s", hops / (ringNanos / 1e9)).put("ring_ms", ringNanos / 1e6)
                .put("setup_ms", setupNanos / 1e6);
    }
}
