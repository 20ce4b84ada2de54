package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A process group across a partition made with {@code kill -STOP}: while {@code user1} hangs, its
 * member disappears here (its node is down); after {@code kill -CONT} the sides merge, exchange their
 * memberships, and both see both members again, a join made here during the partition included.
 */
class GroupPartitionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void membersComeBackOnBothSidesWhenAPartitionHeals() {
        try (TestCluster cluster = new TestCluster(List.of("user1@localhost"))) {
            ProcessRuntime runtime = cluster.runtime();
            ClusterNode node = cluster.node();
            Member user1 = cluster.startMember("user1@localhost");
            Pid before = runtime.spawn(() -> runtime.receive(message -> false, ProcessRuntime.INFINITY));
            node.processGroups().join("workers", before);
            user1.command("join workers");
            user1.awaitLine(line -> line.equals("JOINED workers"), WAIT);
            await().atMost(WAIT).until(() -> node.processGroups().members("workers").size() == 2);

            user1.stop();
            await().atMost(WAIT).until(() -> !node.nodes().contains("user1@localhost"));
            assertThat(node.processGroups().members("workers")).containsExactly(before);
            Pid during = runtime.spawn(() -> runtime.receive(message -> false, ProcessRuntime.INFINITY));
            node.processGroups().join("workers", during);

            user1.resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> node.nodes().contains("user1@localhost"));
            await().atMost(WAIT).until(() -> node.processGroups().members("workers").size() == 3);
            assertThat(node.processGroups().members("workers")).contains(before, during)
                    .filteredOn(pid -> pid.node() != 0).hasSize(1);
            await().atMost(WAIT).until(() -> user1.ask("members workers", "MEMBERS", WAIT)
                    .equals("[test@localhost, test@localhost, user1@localhost]"));
        }
    }
}
