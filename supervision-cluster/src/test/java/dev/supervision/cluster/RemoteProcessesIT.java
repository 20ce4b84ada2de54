package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.Messages;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.outside.Unlisted;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.PidAndMonitor;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.UnreadableMessageException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Remote processes with real JVMs: this JVM's node and two members, {@code user1} and {@code user2},
 * shared by the tests of this class (none of them harms a member).
 */
class RemoteProcessesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestCluster cluster;
    private static Member user1;
    private static Member user2;
    private static ProcessRuntime runtime;
    private static ClusterNode node;

    @BeforeAll
    static void start() {
        cluster = new TestCluster(List.of("user1@localhost", "user2@localhost"));
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

    private static Pid echoOf(String member) {
        return runtime.call(ProcessRef.named("echo", member), new Messages.WhoAmI(), WAIT);
    }

    /** Runs {@code body} in a process of this node and returns what it returns. */
    private static <T> T inProcess(java.util.concurrent.Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        runtime.spawn(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("nodes() lists both members; ping answers; a remote pid prints with its node's index")
    void nodesAndPids() {
        assertThat(node.nodes()).containsExactly("user1@localhost", "user2@localhost");
        assertThat(node.ping("user1@localhost", WAIT)).isTrue();
        assertThat(node.ping("ghost@localhost", Duration.ofMillis(200))).isFalse();
        Pid echo = echoOf("user1@localhost");
        assertThat(echo.node()).isPositive();
        assertThat(echo.toString()).matches("<" + echo.node() + "\\.\\d+\\.\\d+>");
        assertThat(node.nodeOf(echo)).isEqualTo("user1@localhost");
        assertThat(echoOf("user1@localhost")).isEqualTo(echo);
    }

    @Test
    @DisplayName("calls to a remote name and pid answer; a missing name is noproc, a slow answer a timeout")
    void calls() {
        Pid echo = echoOf("user1@localhost");
        assertThat(runtime.call(echo, "hello", WAIT)).isEqualTo("hello");
        assertThat(runtime.call(ProcessRef.named("echo", "user2@localhost"), 42L, WAIT)).isEqualTo(42L);
        assertThatThrownBy(() -> runtime.call(ProcessRef.named("nobody", "user1@localhost"), "x", WAIT))
                .isInstanceOf(NoProcessException.class);
        Pid silent = node.spawn("user1@localhost", "wait", null);
        assertThatThrownBy(() -> runtime.call(silent, "no answer", Duration.ofMillis(300)))
                .isInstanceOf(CallTimeoutException.class);
    }

    @Test
    @DisplayName("a pid sent to a third node still names the same process there")
    void pidsTravelToAThirdNode() {
        Pid echoOnUser2 = echoOf("user2@localhost");
        runtime.send(ProcessRef.named("echo", "user1@localhost"), new Messages.Forward(echoOnUser2, "via user1"));
        user2.awaitLine(line -> line.equals("GOT via user1"), WAIT);
    }

    @Test
    @DisplayName("Node.spawn_link(:user1@localhost, fn -> Run.say_name end) run on user2 prints on user1")
    void theElixirExample() {
        user2.command("spawn_link user1@localhost say_name");
        String spawned = user2.awaitLine(line -> line.startsWith("SPAWNED "), WAIT);
        assertThat(spawned).matches("SPAWNED <[1-9]\\d*\\.\\d+\\.\\d+>");
        user1.awaitLine(line -> line.equals("SAID my name is user1@localhost"), WAIT);
        assertThat(user2.find(line -> line.startsWith("SAID"))).isEmpty();
    }

    @Test
    @DisplayName("an unknown spawnable exits at once with a reason that names it; an unreachable node gives noconnection")
    void spawnFailures() throws Exception {
        DownMessage down = inProcess(() -> {
            PidAndMonitor spawned = node.spawnMonitor("user1@localhost", "no_such_thing", null);
            return runtime.receive(DownMessage.class, d -> d.ref().equals(spawned.ref()), WAIT).orElseThrow();
        });
        assertThat(down.reason().toString()).isEqualTo("{undef,no_such_thing}");
        ExitMessage exit = inProcess(() -> {
            runtime.trapExit(true);
            Pid pid = node.spawnLink("ghost@localhost", "say_name", null);
            assertThat(pid.toString()).endsWith(".0.0>");
            return runtime.receive(ExitMessage.class, e -> e.from().equals(pid), WAIT).orElseThrow();
        });
        assertThat(exit.reason()).isEqualTo(ExitReason.NOCONNECTION);
    }

    @Test
    @DisplayName("exit(remotePid, kill) kills it; its link and its monitor report killed")
    void killAcrossNodes() throws Exception {
        List<Object> seen = inProcess(() -> {
            runtime.trapExit(true);
            Pid pid = node.spawnLink("user1@localhost", "wait", null);
            var ref = runtime.monitor(pid);
            runtime.exit(pid, ExitReason.KILL);
            ExitMessage exit = runtime.receive(ExitMessage.class, e -> e.from().equals(pid), WAIT).orElseThrow();
            DownMessage down = runtime.receive(DownMessage.class, d -> d.ref().equals(ref), WAIT).orElseThrow();
            return List.of(exit.reason(), down.reason());
        });
        assertThat(seen).containsExactly(ExitReason.KILLED, ExitReason.KILLED);
    }

    @Test
    @DisplayName("a monitor on a remote name fires DOWN noproc when nobody holds it; a link to a dead remote pid fires noproc")
    void monitorsAndLinksOfNothing() throws Exception {
        DownMessage down = inProcess(() -> {
            var ref = runtime.monitor(ProcessRef.named("nobody", "user1@localhost"));
            return runtime.receive(DownMessage.class, d -> d.ref().equals(ref), WAIT).orElseThrow();
        });
        assertThat(down.reason()).isEqualTo(ExitReason.NOPROC);
        assertThat(down.name()).isEqualTo("nobody");
        ExitMessage exit = inProcess(() -> {
            runtime.trapExit(true);
            Pid dead = new Pid(echoOf("user1@localhost").node(), 999_999, 0);
            runtime.link(dead);
            return runtime.receive(ExitMessage.class, e -> e.from().equals(dead), WAIT).orElseThrow();
        });
        assertThat(exit.reason()).isEqualTo(ExitReason.NOPROC);
    }

    @Test
    @DisplayName("an unlisted type is never decoded: a send is dropped with a log line naming it and the sender, a call fails typed")
    void unlistedTypesAreRefused() {
        runtime.send(ProcessRef.named("echo", "user1@localhost"), new Unlisted("secret"));
        assertThatThrownBy(() -> runtime.call(ProcessRef.named("echo", "user1@localhost"), new Unlisted("q"), WAIT))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining(Unlisted.class.getName());
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> user1.stderr().stream().anyMatch(line ->
                line.contains(Unlisted.class.getName()) && line.contains("test@localhost")));
        assertThat(user1.find(line -> line.contains("secret"))).isEmpty();
        assertThat(runtime.call(ProcessRef.named("echo", "user1@localhost"), "still fine", WAIT)).isEqualTo("still fine");
    }

    @Test
    @DisplayName("messages from one sender arrive in the order sent, under load, none lost")
    void fifoPerPairUnderLoad() throws Exception {
        int count = 50_000;
        Messages.Counted counted = inProcess(() -> {
            Pid self = runtime.self();
            ProcessRef sink = ProcessRef.named("sink", "user2@localhost");
            for (long n = 1; n <= count; n++) {
                if ((n & 1) == 0) {
                    runtime.send(sink, new Messages.Seq(self, n));
                } else {
                    runtime.cast(sink, new Messages.Seq(self, n));
                }
            }
            return runtime.call(sink, new Messages.Count(), Duration.ofSeconds(30));
        });
        assertThat(counted).isEqualTo(new Messages.Counted(count, 0));
    }
}
