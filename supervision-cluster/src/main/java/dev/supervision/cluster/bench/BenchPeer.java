package dev.supervision.cluster.bench;

import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.singleton.ClusterSingleton;
import dev.supervision.cluster.singleton.SingletonPolicy;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.Call;
import dev.supervision.process.Cast;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.io.IOException;
import java.util.List;

/**
 * The peer JVM of the distribution benchmarks: node {@code peer@localhost} with an {@code echo} server
 * (answers every call with its request) and a {@code sink} (counts casts; answers a call with the
 * count), both registered locally, the echo server globally too; and a {@code registrar} that answers
 * a call of {@code n} by registering n new processes globally as {@code g0 ... g(n-1)} (after n for
 * warm-up), timing each registration (this node is not the coordinator: each is a round trip to the
 * driver). Arguments: its port, the driver's port, the secret, and optionally its node name (default
 * {@code peer@localhost}) and {@code singleton}, to host the {@link EchoSingleton} cluster singleton
 * under a supervisor (policy oldest-per-side: with two hosts a majority would stop it with either).
 * Exits when its stdin closes.
 */
public final class BenchPeer {

    private BenchPeer() {
    }

    /**
     * Registers {@code count} new processes globally as {@code g0 ...}, after as many as {@code w0 ...}
     * for warm-up; answers the times of one measured registration in microseconds.
     */
    private static String register(ProcessRuntime runtime, ClusterNode node, int count) {
        DistStats.registrations(runtime, node, "w", count);
        return DistStats.micros(DistStats.registrations(runtime, node, "g", count));
    }

    public static void main(String[] args) throws IOException {
        ProcessRuntime runtime = ProcessRuntime.create();
        int port = Integer.parseInt(args[0]);
        String name = args.length > 3 ? args[3] : "peer@localhost";
        ClusterNode node = ClusterNode.start(runtime, ClusterConfig.of(name, "supervision-bench").withBind("127.0.0.1", port)
                .withInitialHosts(List.of("127.0.0.1[" + args[1] + "]", "127.0.0.1[" + port + "]")).withSecret(args[2]));
        if (args.length > 4 && args[4].equals("singleton")) {
            ChildSpec echo = ChildSpec.worker(EchoSingleton.NAME, EchoSingleton.NAME, EchoSingleton::new, null);
            Supervisor.start(runtime, SupervisorSpec.of(SupervisorFlags.DEFAULT,
                    ClusterSingleton.of(node, echo, SingletonPolicy.oldestPerSide())), StartOptions.DEFAULT).orThrow();
        }
        runtime.spawn(() -> {
            runtime.register("echo", runtime.self());
            node.globalNames().register("echo", runtime.self());
            while (true) {
                if (runtime.receive() instanceof Call call) {
                    call.from().reply(call.request());
                }
            }
        });
        runtime.spawn(() -> {
            runtime.register("sink", runtime.self());
            long count = 0;
            while (true) {
                Object message = runtime.receive();
                if (message instanceof Cast) {
                    count++;
                } else if (message instanceof Call call) {
                    call.from().reply(count);
                    count = 0;
                }
            }
        });
        runtime.spawn(() -> {
            runtime.register("registrar", runtime.self());
            while (true) {
                if (runtime.receive() instanceof Call call && call.request() instanceof Long count) {
                    call.from().reply(register(runtime, node, count.intValue()));
                }
            }
        });
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for stdin to close
        }
        Runtime.getRuntime().halt(0);
    }
}
