package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A member with the wrong secret, pointed at the cluster: it never joins (for longer than several
 * merge rounds), cannot deliver a message, and cannot spawn anything here.
 */
class IntruderIT {

    @Test
    void aWrongSecretNeverJoinsNorDeliversNorSpawns() {
        try (TestCluster cluster = new TestCluster(List.of("intruder@localhost"))) {
            ClusterNode node = cluster.node();
            AtomicInteger spawnedHere = new AtomicInteger();
            node.registerSpawnable("say_name", argument -> spawnedHere::incrementAndGet);
            Member intruder = cluster.startMember("intruder@localhost", "not-the-cookie", false);
            intruder.command("spawn_link test@localhost say_name");
            String exit = intruder.awaitLine(line -> line.startsWith("EXIT "), Duration.ofSeconds(10));
            assertThat(exit).contains("noconnection");
            // MERGE3 runs every 1-3 s: three rounds and more without the intruder in anybody's view
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12))
                    .until(() -> node.nodes().isEmpty() && spawnedHere.get() == 0);
            intruder.command("nodes");
            assertThat(intruder.awaitLine(line -> line.startsWith("NODES "), Duration.ofSeconds(5))).isEqualTo("NODES []");
            assertThat(intruder.find(line -> line.startsWith("NODEUP"))).isEmpty();
        }
    }
}
