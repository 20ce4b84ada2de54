package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A partition made with {@code kill -STOP}: while {@code user1} hangs, this node no longer sees its
 * global name and registers the same name for a process of its own. After {@code kill -CONT} the
 * sides merge and exchange their names; the name stays with the process of the senior node (this
 * one: it started first, so its incarnation is older), user1's process gets the exit signal
 * {@code {global_name_conflict,mailer}} (or, registered with a listener, is told and keeps running),
 * and both nodes agree on the holder.
 */
class NameConflictIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * {@code register}: the loser gets the exit signal. {@code registertold}: registered with a listener
     * (Erlang's {@code random_notify_name}), it is told and keeps running.
     */
    @ParameterizedTest
    @CsvSource({
        "register,     'GLOBALDOWN mailer {global_name_conflict,mailer}'",
        "registertold, 'GLOBALLOST mailer {global_name_conflict,mailer} alive true'"
    })
    void aNameHeldOnBothSidesOfAHealedPartitionStaysWithTheSeniorNode(String command, String told) {
        try (TestCluster cluster = new TestCluster(List.of("user1@localhost"))) {
            Member user1 = cluster.startMember("user1@localhost");
            Pid ours = partitionAndRegisterOnBothSides(cluster, user1, command);

            user1.resume();
            String first = told.substring(0, told.indexOf(" mailer"));
            assertThat(user1.awaitLine(line -> line.startsWith(first + " mailer"), Duration.ofSeconds(30))).isEqualTo(told);
            assertTheNameStaysWith(cluster, user1, ours);
            if (command.equals("registertold")) {
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                        .until(() -> user1.stdout().stream().noneMatch(line -> line.startsWith("GLOBALDOWN")));
            }
        }
    }

    /**
     * {@code user1} registers {@code mailer} with {@code command}, then hangs; this node, which no
     * longer sees the name, registers it for a process of its own, which it returns.
     */
    private static Pid partitionAndRegisterOnBothSides(TestCluster cluster, Member user1, String command) {
        ProcessRuntime runtime = cluster.runtime();
        ClusterNode node = cluster.node();
        user1.command(command + " mailer");
        user1.awaitLine(line -> line.equals("REGISTERED mailer true"), WAIT);
        await().atMost(WAIT).until(() -> node.globalNames().whereis("mailer").isPresent());

        user1.stop();
        await().atMost(WAIT).until(() -> !node.nodes().contains("user1@localhost"));
        assertThat(node.globalNames().whereis("mailer")).isEmpty(); // its node is down: its names went
        Pid ours = runtime.spawn(() -> runtime.receive(message -> false, ProcessRuntime.INFINITY));
        assertThat(node.globalNames().register("mailer", ours)).isTrue();
        return ours;
    }

    /** After the merge both nodes agree that {@code ours}, alive, holds the one global name. */
    private static void assertTheNameStaysWith(TestCluster cluster, Member user1, Pid ours) {
        ClusterNode node = cluster.node();
        await().atMost(WAIT).until(() -> node.nodes().contains("user1@localhost"));
        assertThat(node.globalNames().whereis("mailer")).contains(ours);
        assertThat(cluster.runtime().isAlive(ours)).isTrue();
        await().atMost(WAIT).until(() -> user1.ask("whereis mailer", "WHEREIS", WAIT).equals("test@localhost"));
        assertThat(node.globalNames().registeredNames()).containsExactly("mailer");
    }
}
