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
 * count). Arguments: its port, the driver's port, the secret, and optionally its node name (default
 * {@code peer@localhost}) and {@code singleton}, to host the {@link EchoSingleton} cluster singleton
 * under a supervisor (policy oldest-per-side: with two hosts a majority would stop it with either).
 * Exits when its stdin closes.
 */
public final class BenchPeer {

    private BenchPeer() {
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
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for stdin to close
        }
        Runtime.getRuntime().halt(0);
    }
}
