package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.Messages;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.process.Call;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A member that hangs ({@code kill -STOP}) is seen down within 5 s; once it resumes ({@code kill
 * -CONT}) JGroups merges it back, and it too fires {@code noconnection} on its links: the partition is
 * symmetric, as in Erlang. Then both sides see each other up again.
 */
class HungMemberIT {

    @Test
    void aHungMemberIsDownOnBothSidesAndComesBack() throws Exception {
        try (TestCluster cluster = new TestCluster(List.of("user1@localhost"))) {
            ProcessRuntime runtime = cluster.runtime();
            ClusterNode node = cluster.node();
            runtime.spawn(() -> {
                runtime.register("echo", runtime.self());
                while (true) {
                    if (runtime.receive() instanceof Call call) {
                        call.from().reply(runtime.self());
                    }
                }
            });
            Member user1 = cluster.startMember("user1@localhost");
            user1.command("link test@localhost");
            user1.awaitLine(line -> line.startsWith("LINKED "), Duration.ofSeconds(10));
            Pid remoteEcho = runtime.call(ProcessRef.named("echo", "user1@localhost"), new Messages.WhoAmI(),
                    Duration.ofSeconds(10));
            List<Object> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> linked = new CompletableFuture<>();
            runtime.spawn(() -> {
                runtime.trapExit(true);
                runtime.link(remoteEcho);
                linked.complete(null);
                while (true) {
                    seen.add(runtime.receive());
                }
            });
            linked.get(10, TimeUnit.SECONDS);

            long stoppedAt = System.currentTimeMillis();
            user1.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> !node.nodes().contains("user1@localhost"));
            long seenAfter = System.currentTimeMillis() - stoppedAt;
            System.out.println("SIGSTOP to nodedown on the other side: " + seenAfter + " ms");
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.contains(new ExitMessage(remoteEcho, ExitReason.NOCONNECTION)));

            user1.resume();
            String exit = user1.awaitLine(line -> line.startsWith("EXIT ") && line.contains("noconnection"),
                    Duration.ofSeconds(20));
            System.out.println("after SIGCONT, user1 saw: " + exit);
            user1.awaitLine(line -> line.startsWith("NODEDOWN test@localhost"), Duration.ofSeconds(5));
            // both sides up again (the merge may take a view or two to settle): user1's sink answers
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> runtime.call(
                    ProcessRef.named("sink", "user1@localhost"), new Messages.Count(), Duration.ofSeconds(5))
                    .equals(new Messages.Counted(0, 0)));
            assertThat(node.nodes()).contains("user1@localhost");
            // user1's echo, linked to a process here, died of noconnection as the link fired on its side too
            assertThatThrownBy(() -> runtime.call(ProcessRef.named("echo", "user1@localhost"), "back?", Duration.ofSeconds(10)))
                    .isInstanceOf(NoProcessException.class);
        }
    }
}
