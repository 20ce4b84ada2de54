package dev.supervision.cluster.harness;

import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.FreePorts;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster for one test: this JVM's node ({@code test@localhost}) and member JVMs on loopback, each
 * on a free port, all sharing one secret and listing each other as initial hosts. Closing it kills the
 * members and waits for them; use it in try-with-resources or close it in an {@code @AfterAll}.
 */
public final class TestCluster implements AutoCloseable {

    /** The secret of test clusters. */
    public static final String SECRET = "the-cluster-cookie";
    /** What members decode: the harness's messages. */
    public static final String ALLOWLIST = "dev.supervision.cluster.";
    /** How long a member JVM may take to start and join, on a loaded 2-core machine. */
    public static final Duration JOIN = Duration.ofSeconds(45);

    private final ProcessRuntime runtime = ProcessRuntime.create();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final List<Member> members = new ArrayList<>();
    private final List<String> hosts;
    private final ClusterNode node;

    /** A cluster of this JVM's node and the members named (not started yet: {@link #startMember}). */
    public TestCluster(List<String> memberNames) {
        int ownPort = FreePorts.next();
        List<String> allHosts = new ArrayList<>(List.of("127.0.0.1[" + ownPort + "]"));
        for (String member : memberNames) {
            int port = FreePorts.next();
            ports.put(member, port);
            allHosts.add("127.0.0.1[" + port + "]");
        }
        hosts = List.copyOf(allHosts);
        node = ClusterNode.start(runtime, ClusterConfig.of("test@localhost", "supervision-it")
                .withBind("127.0.0.1", ownPort).withInitialHosts(hosts).withSecret(SECRET)
                .withAllowedTypes(List.of(ALLOWLIST)));
    }

    /** Starts member {@code name} with the cluster's secret; returns once this node sees it. */
    public Member startMember(String name) {
        return startMember(name, SECRET, true);
    }

    /** Starts member {@code name} with {@code secret}; with {@code expectJoin}, waits until this node sees it. */
    public Member startMember(String name, String secret, boolean expectJoin) {
        Member member = Member.start(name, ports.computeIfAbsent(name, key -> FreePorts.next()), hosts, secret, ALLOWLIST, JOIN);
        synchronized (members) {
            members.add(member);
        }
        if (expectJoin) {
            org.awaitility.Awaitility.await().atMost(JOIN).until(() -> node.nodes().contains(name));
        }
        return member;
    }

    /**
     * Starts the members named at once, each in its own thread (faster on a loaded machine; their
     * start order, and so their incarnations' order, is not known); returns them in the order named
     * once this node sees them all.
     */
    public List<Member> startMembers(List<String> names) {
        List<CompletableFuture<Member>> starting = names.stream()
                .map(name -> CompletableFuture.supplyAsync(() -> startMember(name),
                        task -> Thread.ofPlatform().name("start-" + name).start(task)))
                .toList();
        return starting.stream().map(CompletableFuture::join).toList();
    }

    public ClusterNode node() {
        return node;
    }

    public ProcessRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        synchronized (members) {
            members.forEach(Member::close);
        }
        node.close();
        runtime.close();
    }
}
