package dev.supervision.cluster.bench;

import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.NodeDown;
import dev.supervision.process.CallException;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The distribution workloads, with this JVM as node {@code bench@localhost} and a {@link BenchPeer}:
 * {@code call N} (round trips from a process, after a warm-up of N/5), {@code ping N} (round trips of
 * the transport alone, from a plain thread), {@code global N} (N lookups of global names the peer
 * registered, on this node; with the time of a registration on the peer and here, and of a call
 * through a global name), {@code cast N} (one sender,
 * closed by a call that returns how many arrived), {@code kill9 R} and {@code stop R} (R rounds: a new
 * peer each, then kill -9 or SIGSTOP, timed to the nodedown here), {@code singleton R} (R rounds of
 * cluster-singleton failover between peers that host it: kill -9 of the owner's JVM, timed to the
 * first answer of the instance on the survivor; a new youngest peer joins before each next round),
 * {@code jgroups_rtt N [stack]} and {@code jgroups_oneway N [stack]} (JGroups alone, see {@link ChannelFloor}).
 * Prints one {@code RESULT} line.
 */
public final class DistBench {

    private static final String SECRET = "benchmark-secret";

    private DistBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // JGroups' threads would keep a failed run alive
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        String workload = args[0];
        int count = Integer.parseInt(args[1]);
        int port = freePort();
        int peerPort = freePort();
        if (workload.startsWith("jgroups_")) {
            ChannelFloor.Stack stack = ChannelFloor.Stack.parse(args.length > 2 ? args[2] : "ours");
            System.out.println(ChannelFloor.run(workload.substring("jgroups_".length()), count, stack, port, peerPort, SECRET));
            return;
        }
        try (ProcessRuntime runtime = ProcessRuntime.create()) {
            ClusterNode node = ClusterNode.start(runtime, ClusterConfig.of("bench@localhost", "supervision-bench")
                    .withBind("127.0.0.1", port).withSecret(SECRET)
                    .withInitialHosts(List.of("127.0.0.1[" + port + "]", "127.0.0.1[" + peerPort + "]")));
            switch (workload) {
                case "call", "cast", "ping", "global" -> {
                    try (PeerJvm peer = PeerJvm.start(peerPort, port, SECRET)) {
                        awaitUp(node);
                        String line = switch (workload) {
                            case "call" -> calls(runtime, count);
                            case "ping" -> pings(node, count);
                            case "global" -> globalLookups(runtime, node, count);
                            default -> casts(runtime, count);
                        };
                        System.out.println(line);
                    }
                }
                case "kill9", "stop" -> System.out.println(failures(runtime, node, workload, count, port, peerPort));
                case "singleton" -> System.out.println(singletonFailovers(runtime, node, count, port));
                default -> throw new IllegalArgumentException("unknown workload " + workload);
            }
            node.close();
        }
    }

    private static String calls(ProcessRuntime runtime, int count) throws Exception {
        long[] nanos = timedCalls(runtime, ProcessRef.named("echo", "peer@localhost"), count);
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000.0;
        return String.format(Locale.ROOT, "RESULT supervision dist_call calls=%d p50_us=%.1f p99_us=%.1f mean_us=%.1f",
                count, nanos[count / 2] / 1000.0, nanos[(int) (count * 0.99)] / 1000.0, mean);
    }

    /**
     * Lookups of global names on a node other than the one that registered them: the peer registers
     * 1,000 names (each a round trip to this node, the coordinator); this node registers 1,000 of its
     * own (the coordinator decides at once and tells the peer); both after 1,000 for warm-up; then {@code count} lookups here, and
     * calls through the peer's global name {@code echo}.
     */
    private static String globalLookups(ProcessRuntime runtime, ClusterNode node, int count) throws Exception {
        int names = 1000;
        String onPeer = (String) runtime.call(ProcessRef.named("registrar", "peer@localhost"), (long) names,
                Duration.ofSeconds(60));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (node.globalNames().whereis("g" + (names - 1)).isEmpty() || node.globalNames().whereis("echo").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the peer's global names never arrived");
            }
            Thread.sleep(10);
        }
        DistStats.registrations(runtime, node, "hw", names);
        long[] here = DistStats.registrations(runtime, node, "h", names);
        String[] keys = new String[names];
        Arrays.setAll(keys, i -> "g" + i);
        long found = 0;
        for (int i = 0; i < count / 5; i++) {
            found += node.globalNames().holderOrNull(keys[i % names]) == null ? 0 : 1;
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            found += node.globalNames().holderOrNull(keys[i % names]) == null ? 0 : 1;
        }
        long lookupNanos = System.nanoTime() - start;
        if (found != count + count / 5) {
            throw new IllegalStateException("a lookup found nobody: " + found);
        }
        long[] callNanos = timedCalls(runtime, ProcessRef.global("echo"), 20_000);
        return String.format(Locale.ROOT, "RESULT supervision dist_global_lookup lookups=%d lookups_per_s=%.0f"
                        + " register_on_peer_%s register_on_coordinator_%s call_via_global_%s",
                count, count / (lookupNanos / 1e9), onPeer.replace(" ", " register_on_peer_"),
                DistStats.micros(here).replace(" ", " register_on_coordinator_"),
                DistStats.micros(callNanos).replace(" ", " call_via_global_"));
    }

    /** The nanoseconds of each of {@code count} calls to {@code echo} from a process, after {@code count / 5} of warm-up. */
    private static long[] timedCalls(ProcessRuntime runtime, ProcessRef echo, int count) throws Exception {
        return inProcess(runtime, () -> {
            for (int i = 0; i < count / 5; i++) {
                runtime.call(echo, "w", Duration.ofSeconds(5));
            }
            long[] took = new long[count];
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                runtime.call(echo, "q", Duration.ofSeconds(5));
                took[i] = System.nanoTime() - start;
            }
            return took;
        });
    }

    /** Round trips of the transport alone (a ping frame, answered by the peer's receiving thread). */
    private static String pings(ClusterNode node, int count) {
        for (int i = 0; i < count / 5; i++) {
            node.ping("peer@localhost", Duration.ofSeconds(5));
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            node.ping("peer@localhost", Duration.ofSeconds(5));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "RESULT supervision dist_ping pings=%d p50_us=%.1f p99_us=%.1f", count,
                nanos[count / 2] / 1000.0, nanos[(int) (count * 0.99)] / 1000.0);
    }

    private static String casts(ProcessRuntime runtime, int count) throws Exception {
        ProcessRef sink = ProcessRef.named("sink", "peer@localhost");
        inProcess(runtime, () -> {
            for (int i = 0; i < count / 5; i++) {
                runtime.cast(sink, (long) i);
            }
            return runtime.call(sink, "count", Duration.ofSeconds(60));
        });
        long[] result = inProcess(runtime, () -> {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                runtime.cast(sink, (long) i);
            }
            long arrived = (Long) runtime.call(sink, "count", Duration.ofSeconds(120));
            return new long[] {arrived, System.nanoTime() - start};
        });
        double perSecond = count / (result[1] / 1e9);
        return String.format(Locale.ROOT, "RESULT supervision dist_cast casts=%d arrived=%d lost=%d msgs_per_s=%.0f total_ms=%.0f",
                count, result[0], count - result[0], perSecond, result[1] / 1e6);
    }

    private static String failures(ProcessRuntime runtime, ClusterNode node, String how, int rounds, int port,
            int peerPort) throws Exception {
        long[] millis = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            try (PeerJvm peer = PeerJvm.start(peerPort, port, SECRET)) {
                awaitUp(node);
                Thread.sleep(500); // let the peer settle into its view before it is hurt
                CompletableFuture<Long> down = new CompletableFuture<>();
                CompletableFuture<Void> watching = new CompletableFuture<>();
                runtime.spawn(() -> {
                    node.monitorNode("peer@localhost");
                    watching.complete(null);
                    runtime.receive(NodeDown.class, d -> true, Duration.ofSeconds(30))
                            .ifPresent(d -> down.complete(System.nanoTime()));
                });
                watching.get(10, TimeUnit.SECONDS);
                long start = System.nanoTime();
                if (how.equals("kill9")) {
                    peer.kill9();
                } else {
                    peer.hang();
                }
                millis[round] = (down.get(30, TimeUnit.SECONDS) - start) / 1_000_000;
            }
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "RESULT supervision dist_nodedown_%s rounds=%d median_ms=%d max_ms=%d all_ms=%s",
                how, rounds, sorted[rounds / 2], sorted[rounds - 1], Arrays.toString(millis).replace(" ", ""));
    }

    /**
     * Two peers host the singleton; each round kills the owner (the older peer) and times until the
     * survivor's instance answers a call, then starts a new peer, the youngest, for the next round.
     */
    private static String singletonFailovers(ProcessRuntime runtime, ClusterNode node, int rounds, int port)
            throws Exception {
        Deque<PeerJvm> peers = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        long[] millis = new long[rounds];
        long[] nodedownMillis = new long[rounds];
        try {
            for (int started = 0; started < rounds + 1; started++) {
                String name = "single" + started + "@localhost";
                if (started >= 2) {
                    millis[started - 2] = killOwner(runtime, node, peers, names, nodedownMillis, started - 2);
                }
                peers.addLast(PeerJvm.start(freePort(), port, SECRET, name, "singleton"));
                names.addLast(name);
                awaitUp(node, name);
                if (started == 0) {
                    awaitAnswer(runtime, name);
                }
                Thread.sleep(1000); // let the new peer's manager learn where the singleton runs
            }
            millis[rounds - 1] = killOwner(runtime, node, peers, names, nodedownMillis, rounds - 1);
        } finally {
            peers.forEach(PeerJvm::close);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT,
                "RESULT supervision dist_singleton_failover rounds=%d min_ms=%d median_ms=%d max_ms=%d all_ms=%s"
                        + " nodedown_here_ms=%s",
                rounds, sorted[0], sorted[rounds / 2], sorted[rounds - 1], Arrays.toString(millis).replace(" ", ""),
                Arrays.toString(nodedownMillis).replace(" ", ""));
    }

    /**
     * Kills the oldest peer (the owner) and returns the ms until the next one's instance answers; puts in
     * {@code nodedownMillis[round]} the ms until this node saw the owner down (the survivor sees it about
     * then too), so that a slow round shows whether detection or the take-over was slow.
     */
    private static long killOwner(ProcessRuntime runtime, ClusterNode node, Deque<PeerJvm> peers, Deque<String> names,
            long[] nodedownMillis, int round) throws Exception {
        PeerJvm owner = peers.removeFirst();
        String ownerName = names.removeFirst();
        long start = System.nanoTime();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (node.nodes().contains(ownerName) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
                LockSupport.parkNanos(200_000);
            }
            nodedownMillis[round] = (System.nanoTime() - start) / 1_000_000;
        });
        owner.kill9();
        awaitAnswer(runtime, names.getFirst());
        long took = (System.nanoTime() - start) / 1_000_000;
        watcher.join();
        owner.close();
        return took;
    }

    /** Calls the singleton on {@code peer} until it answers (a failed call comes back at once). */
    private static void awaitAnswer(ProcessRuntime runtime, String peer) throws Exception {
        ProcessRef singleton = ProcessRef.named(EchoSingleton.NAME, peer);
        inProcess(runtime, () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    return runtime.call(singleton, "where?", Duration.ofSeconds(1));
                } catch (CallException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the singleton never answered on " + peer, e);
                    }
                    LockSupport.parkNanos(1_000_000);
                }
            }
        });
    }

    private static void awaitUp(ClusterNode node) throws InterruptedException {
        awaitUp(node, "peer@localhost");
    }

    private static void awaitUp(ClusterNode node, String peer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!node.nodes().contains(peer)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the peer never joined");
            }
            Thread.sleep(10);
        }
    }

    private static <T> T inProcess(ProcessRuntime runtime, java.util.concurrent.Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        runtime.spawn(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
