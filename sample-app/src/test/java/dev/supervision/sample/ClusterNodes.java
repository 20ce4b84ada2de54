package dev.supervision.sample;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cluster properties of sample instances on loopback, as {@code bin/sample-two-instances} sets them:
 * node {@code NAME@127.0.0.1}, a free cluster port each, every member as initial host, one secret.
 */
final class ClusterNodes {

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final String secret = "test-secret-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Nodes for the instances {@code names}. */
    ClusterNodes(String... names) {
        for (String name : names) {
            ports.put(name, SampleInstance.freeClusterPort());
        }
    }

    /** The node name of instance {@code name}. */
    static String node(String name) {
        return name + "@127.0.0.1";
    }

    /**
     * Starts the instances {@code names} of {@code instances} as one cluster, one after the other (so the
     * first is the oldest node), and waits until the first sees every other connected.
     */
    static List<SampleInstance> startCluster(SampleInstances instances, String... names) {
        ClusterNodes cluster = new ClusterNodes(names);
        List<SampleInstance> started = new ArrayList<>();
        for (String name : names) {
            started.add(instances.start(name, cluster.properties(name)));
        }
        SampleInstance first = started.getFirst();
        for (String name : names) {
            await(first.name() + " sees " + name).atMost(Duration.ofSeconds(30))
                    .until(() -> first.http().get("/actuator/health/cluster").body().contains(node(name)));
        }
        return List.copyOf(started);
    }

    /** The properties ({@code key=value}) of instance {@code name}. */
    List<String> properties(String name) {
        List<String> properties = new ArrayList<>(List.of("supervision.cluster.enabled=true",
                "supervision.cluster.node-name=" + node(name), "supervision.cluster.port=" + ports.get(name),
                "supervision.cluster.secret=" + secret));
        properties.add("supervision.cluster.initial-hosts=" + ports.values().stream()
                .map(port -> "127.0.0.1:" + port).collect(Collectors.joining(",")));
        return properties;
    }
}
