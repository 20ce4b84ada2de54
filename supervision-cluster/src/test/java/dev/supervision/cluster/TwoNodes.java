package dev.supervision.cluster;

import static org.awaitility.Awaitility.await;

import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;

/**
 * Two nodes in one JVM for quick tests: two runtimes and two channels on loopback, {@code a@localhost}
 * and {@code b@localhost} ({@code a} starts first, so it is the senior), with a secret and the
 * module's test types allowlisted; the constructor returns once each sees the other.
 */
final class TwoNodes implements AutoCloseable {

    private static final String SECRET = "in-process-secret";

    final ProcessRuntime runtimeA = ProcessRuntime.create();
    final ProcessRuntime runtimeB = ProcessRuntime.create();
    final ClusterNode a;
    final ClusterNode b;

    /** Starts both nodes in a cluster of their own, named after {@code purpose}. */
    TwoNodes(String purpose) {
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        List<String> hosts = List.of("127.0.0.1[" + portA + "]", "127.0.0.1[" + portB + "]");
        String cluster = purpose + "-" + portA;
        a = ClusterNode.start(runtimeA, ClusterConfig.of("a@localhost", cluster).withBind("127.0.0.1", portA)
                .withInitialHosts(hosts).withSecret(SECRET).withAllowedTypes(List.of("dev.supervision.cluster.")));
        b = ClusterNode.start(runtimeB, ClusterConfig.of("b@localhost", cluster).withBind("127.0.0.1", portB)
                .withInitialHosts(hosts).withSecret(SECRET).withAllowedTypes(List.of("dev.supervision.cluster.")));
        await().atMost(Duration.ofSeconds(30)).until(() -> a.nodes().contains("b@localhost") && b.nodes().contains("a@localhost"));
    }

    @Override
    public void close() {
        b.close();
        a.close();
        runtimeA.close();
        runtimeB.close();
    }
}
