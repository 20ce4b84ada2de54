package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.process.ExitReason;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Global names and process groups with real JVMs: this JVM's node and the members {@code user1} and
 * {@code user2}, shared by the tests (none harms them); the kill -9 test starts and kills a third.
 */
class GlobalNamesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestCluster cluster;
    private static Member user1;
    private static Member user2;
    private static ProcessRuntime runtime;
    private static ClusterNode node;

    @BeforeAll
    static void start() {
        cluster = new TestCluster(List.of("user1@localhost", "user2@localhost", "user3@localhost"));
        runtime = cluster.runtime();
        node = cluster.node();
        user1 = cluster.startMember("user1@localhost");
        user2 = cluster.startMember("user2@localhost");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aNameRegisteredOnOneNodeIsCalledFromTheOthersHeldOnceAndGoesWithItsProcess() {
        user1.command("register mailer");
        user1.awaitLine(line -> line.equals("REGISTERED mailer true"), WAIT);
        await().atMost(WAIT).until(() -> node.globalNames().whereis("mailer").isPresent());
        assertThat(node.nodeOf(node.globalNames().whereis("mailer").orElseThrow())).isEqualTo("user1@localhost");
        assertThat(runtime.call(ProcessRef.global("mailer"), "hi", WAIT)).isEqualTo("user1@localhost:hi");
        await().atMost(WAIT).until(() -> user2.ask("whereis mailer", "WHEREIS", WAIT).equals("user1@localhost"));
        assertThat(user2.ask("callglobal mailer", "CALLED", WAIT)).isEqualTo("user1@localhost:hi");

        // held elsewhere: no for a member and for this node
        user2.command("register mailer");
        user2.awaitLine(line -> line.equals("REGISTERED mailer false"), WAIT);
        Pid local = runtime.spawn(() -> runtime.receive(message -> false, ProcessRuntime.INFINITY));
        assertThat(node.globalNames().register("mailer", local)).isFalse();
        assertThat(node.globalNames().registeredNames()).contains("mailer");

        // its process dies (killed through the global name from here): the name goes on every node
        runtime.exit(ProcessRef.global("mailer"), ExitReason.KILL);
        user1.awaitLine(line -> line.equals("GLOBALDOWN mailer killed"), WAIT);
        await().atMost(WAIT).until(() -> node.globalNames().whereis("mailer").isEmpty());
        await().atMost(WAIT).until(() -> user2.ask("whereis mailer", "WHEREIS", WAIT).equals("none"));
        Assertions.assertThatThrownBy(() -> runtime.call(ProcessRef.global("mailer"), "hi", WAIT))
                .isInstanceOf(NoProcessException.class);
        assertThat(user2.ask("callglobal mailer", "CALLED", WAIT)).isEqualTo("NoProcessException");
        assertThat(node.globalNames().register("mailer", local)).isTrue(); // free again
        await().atMost(WAIT).until(() -> user1.ask("whereis mailer", "WHEREIS", WAIT).equals("test@localhost"));
        runtime.exit(local, ExitReason.KILL);
    }

    @Test
    void aGroupSpansTheNodesAndABroadcastReachesEveryMember() throws Exception {
        BlockingQueue<Object> got = new LinkedBlockingQueue<>();
        Pid local = runtime.spawn(() -> {
            while (true) {
                got.add(runtime.receive());
            }
        });
        node.processGroups().join("workers", local);
        user1.command("join workers");
        user2.command("join workers");
        user1.awaitLine(line -> line.equals("JOINED workers"), WAIT);
        user2.awaitLine(line -> line.equals("JOINED workers"), WAIT);
        List<String> everywhere = List.of("test@localhost", "user1@localhost", "user2@localhost");
        await().atMost(WAIT).until(() -> nodesOf(node.processGroups().members("workers")).equals(everywhere));
        await().atMost(WAIT).until(() -> user1.ask("members workers", "MEMBERS", WAIT).equals(everywhere.toString()));
        assertThat(node.processGroups().localMembers("workers")).containsExactly(local);

        assertThat(node.processGroups().broadcast("workers", "hello")).isEqualTo(3);
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        user1.awaitLine(line -> line.equals("GROUPMSG workers hello"), WAIT);
        user2.awaitLine(line -> line.equals("GROUPMSG workers hello"), WAIT);

        user1.command("leave workers");
        user1.awaitLine(line -> line.equals("LEFT workers true"), WAIT);
        await().atMost(WAIT).until(() -> nodesOf(node.processGroups().members("workers"))
                .equals(List.of("test@localhost", "user2@localhost")));
        runtime.exit(local, ExitReason.KILL);
        await().atMost(WAIT).until(() -> user2.ask("members workers", "MEMBERS", WAIT).equals("[user2@localhost]"));
    }

    @Test
    void aKilledNodesNamesAndMembersDisappearEverywhere() {
        Member user3 = cluster.startMember("user3@localhost");
        user3.command("register doomed");
        user3.awaitLine(line -> line.equals("REGISTERED doomed true"), WAIT);
        user3.command("join doomed-workers");
        user2.command("join doomed-workers");
        await().atMost(WAIT).until(() -> user1.ask("whereis doomed", "WHEREIS", WAIT).equals("user3@localhost")
                && user1.ask("members doomed-workers", "MEMBERS", WAIT).equals("[user2@localhost, user3@localhost]"));
        await().atMost(WAIT).until(() -> nodesOf(node.processGroups().members("doomed-workers")).size() == 2);

        user3.kill9();
        await().atMost(WAIT).until(() -> node.globalNames().whereis("doomed").isEmpty()
                && nodesOf(node.processGroups().members("doomed-workers")).equals(List.of("user2@localhost")));
        await().atMost(WAIT).until(() -> user1.ask("whereis doomed", "WHEREIS", WAIT).equals("none")
                && user1.ask("members doomed-workers", "MEMBERS", WAIT).equals("[user2@localhost]"));
        assertThat(user2.ask("members doomed-workers", "MEMBERS", WAIT)).isEqualTo("[user2@localhost]");
    }

    private static List<String> nodesOf(List<Pid> pids) {
        return pids.stream().map(node::nodeOf).sorted().toList();
    }
}
