package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A member that answers late is not taken for dead: when a killed neighbour's closed connection makes
 * this node watch the next member, and that member is paused (shorter than the heartbeat timeout) so
 * that it cannot answer the connect in time, it stays in the view; the killed one is still seen down
 * at once. With JGroups' plain FD_SOCK2 the unanswered connect alone excluded the paused member after
 * a second, and MERGE3 later took it back with the view in another order.
 */
class SlowNeighbourIT {

    @Test
    void aPausedNeighbourIsNotSuspectedByAnUnansweredConnect() throws Exception {
        try (TestCluster cluster = new TestCluster(List.of("user1@localhost", "user2@localhost"))) {
            ProcessRuntime runtime = cluster.runtime();
            ClusterNode node = cluster.node();
            // joined in this order, the view is [test, user1, user2]: this node watches user1, then user2
            Member user1 = cluster.startMember("user1@localhost");
            Member user2 = cluster.startMember("user2@localhost");
            user2.command("nodes");
            user2.awaitLine(line -> line.equals("NODES [test@localhost, user1@localhost]"), Duration.ofSeconds(10));
            List<Object> nodeEvents = new CopyOnWriteArrayList<>();
            runtime.spawn(() -> {
                node.monitorNodes(true);
                while (true) {
                    nodeEvents.add(runtime.receive());
                }
            });

            user2.stop();
            long stoppedAt = System.nanoTime();
            user1.kill9();
            await().atMost(Duration.ofSeconds(1)).until(() -> nodeEvents.contains(new NodeDown("user1@localhost")));
            // the pause is the scenario: longer than FD_SOCK2's connect timeout (1 s), shorter than FD_ALL3's 3 s
            long pauseLeft = Duration.ofMillis(1300).toNanos() - (System.nanoTime() - stoppedAt);
            if (pauseLeft > 0) {
                Thread.sleep(Duration.ofNanos(pauseLeft));
            }
            user2.resume();

            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> node.nodes().equals(List.of("user2@localhost")));
            assertThat(nodeEvents).as("user2 was never down here").doesNotContain(new NodeDown("user2@localhost"));
            user2.command("nodes");
            user2.awaitLine(line -> line.equals("NODES [test@localhost]"), Duration.ofSeconds(5));
        }
    }
}
