package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.Messages;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.process.CallException;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.NodeDownException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A member killed with {@code kill -9}: every survivor sees it down within a second; every link,
 * monitor and call to it ends with {@code noconnection} / {@code nodedown}; new ones fire at once; and
 * when it comes back under the same name it is a new incarnation whose old pids stay dead.
 */
class NodeFailureIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void killNineIsNodedownEverywhereAndNoconnectionOnEveryTie() throws Exception {
        try (TestCluster cluster = new TestCluster(List.of("user1@localhost", "user2@localhost"))) {
            ProcessRuntime runtime = cluster.runtime();
            ClusterNode node = cluster.node();
            Member user1 = cluster.startMember("user1@localhost");
            Member user2 = cluster.startMember("user2@localhost");
            user2.command("nodes");
            user2.awaitLine(line -> line.equals("NODES [test@localhost, user1@localhost]"), Duration.ofSeconds(10));

            Map<String, Long> downAt = new ConcurrentHashMap<>();
            List<Object> nodeEvents = new CopyOnWriteArrayList<>();
            runtime.spawn(() -> {
                node.monitorNodes(true);
                node.monitorNode("user1@localhost");
                while (true) {
                    Object event = runtime.receive();
                    nodeEvents.add(event);
                    if (event instanceof NodeDown down) {
                        downAt.putIfAbsent(down.node(), System.currentTimeMillis());
                    }
                }
            });
            Pid echo = runtime.call(ProcessRef.named("echo", "user1@localhost"), new Messages.WhoAmI(), WAIT);
            Pid silent = node.spawn("user1@localhost", "wait", null);
            List<Object> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<MonitorRef> tied = new CompletableFuture<>();
            runtime.spawn(() -> {
                runtime.trapExit(true);
                runtime.link(echo);
                tied.complete(runtime.monitor(echo));
                while (true) {
                    seen.add(runtime.receive());
                }
            });
            MonitorRef ref = tied.get(10, TimeUnit.SECONDS);
            assertThat(runtime.call(echo, "alive?", WAIT)).isEqualTo("alive?");
            CompletableFuture<Object> pending = runtime.callAsync(silent, new Messages.Count(), Duration.ofSeconds(60))
                    .thenApply(counted -> (Object) counted);

            long killedAt = System.currentTimeMillis();
            user1.kill9();

            await().atMost(Duration.ofSeconds(5)).until(() -> downAt.containsKey("user1@localhost"));
            String user2Saw = user2.awaitLine(line -> line.startsWith("NODEDOWN user1@localhost"), Duration.ofSeconds(5));
            long here = downAt.get("user1@localhost") - killedAt;
            long there = Long.parseLong(user2Saw.split(" ")[2]) - killedAt;
            System.out.println("kill -9 to nodedown: this node " + here + " ms, user2 " + there + " ms");
            assertThat(here).isLessThan(1000);
            assertThat(there).isLessThan(1000);

            await().atMost(WAIT).until(() -> seen.size() >= 2);
            assertThat(seen).containsExactlyInAnyOrder(new ExitMessage(echo, ExitReason.NOCONNECTION),
                    new DownMessage(ref, echo, null, ExitReason.NOCONNECTION));
            assertThat(nodeEvents.stream().filter(e -> e.equals(new NodeDown("user1@localhost")))).hasSize(2);
            try {
                pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                throw new AssertionError("the call to a dead node answered");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(NodeDownException.class).hasMessageContaining("user1@localhost");
            }
            assertThat(node.nodes()).containsExactly("user2@localhost");

            // a new link or monitor to a pid of the unreachable node fires at once
            CompletableFuture<List<Object>> late = new CompletableFuture<>();
            runtime.spawn(() -> {
                runtime.trapExit(true);
                runtime.link(echo);
                MonitorRef again = runtime.monitor(echo);
                late.complete(List.of(runtime.receive(), runtime.receive(), again));
            });
            List<Object> fired = late.get(10, TimeUnit.SECONDS);
            assertThat(fired).contains(new ExitMessage(echo, ExitReason.NOCONNECTION),
                    new DownMessage((MonitorRef) fired.get(2), echo, null, ExitReason.NOCONNECTION));

            // the same name comes back: a new incarnation, and the old pids are dead for good
            cluster.startMember("user1@localhost");
            Pid newEcho = runtime.call(ProcessRef.named("echo", "user1@localhost"), new Messages.WhoAmI(), WAIT);
            assertThat(newEcho.node()).isNotEqualTo(echo.node());
            runtime.send(echo, "to the old incarnation");
            try {
                runtime.call(echo, "old?", WAIT);
                throw new AssertionError("a pid of an old incarnation answered");
            } catch (CallException e) {
                assertThat(e).isInstanceOf(NoProcessException.class);
            }
            CompletableFuture<DownMessage> oldDown = new CompletableFuture<>();
            runtime.spawn(() -> {
                MonitorRef old = runtime.monitor(echo);
                oldDown.complete(runtime.receive(DownMessage.class, d -> d.ref().equals(old), WAIT).orElseThrow());
            });
            assertThat(oldDown.get(10, TimeUnit.SECONDS).reason()).isEqualTo(ExitReason.NOPROC);
            assertThat(runtime.call(newEcho, "new", WAIT)).isEqualTo("new");
        }
    }
}
