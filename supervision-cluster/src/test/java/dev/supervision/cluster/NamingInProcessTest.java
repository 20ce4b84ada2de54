package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.Call;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Global names and process groups between two nodes in one JVM (two runtimes, two channels): the
 * rules, quickly. The multi-JVM tests ({@code GlobalNamesIT}, {@code NameConflictIT}) cover kills and
 * partitions.
 */
class NamingInProcessTest {

    private static final String SECRET = "in-process-secret";
    private static final Duration SOON = Duration.ofSeconds(5);

    private ProcessRuntime runtimeA;
    private ProcessRuntime runtimeB;
    private ClusterNode a;
    private ClusterNode b;

    @BeforeEach
    void start() {
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        List<String> hosts = List.of("127.0.0.1[" + portA + "]", "127.0.0.1[" + portB + "]");
        String cluster = "naming-" + portA;
        runtimeA = ProcessRuntime.create();
        runtimeB = ProcessRuntime.create();
        a = ClusterNode.start(runtimeA, ClusterConfig.of("a@localhost", cluster).withBind("127.0.0.1", portA)
                .withInitialHosts(hosts).withSecret(SECRET).withAllowedTypes(List.of("dev.supervision.cluster.")));
        b = ClusterNode.start(runtimeB, ClusterConfig.of("b@localhost", cluster).withBind("127.0.0.1", portB)
                .withInitialHosts(hosts).withSecret(SECRET).withAllowedTypes(List.of("dev.supervision.cluster.")));
        await().atMost(Duration.ofSeconds(30)).until(() -> a.nodes().contains("b@localhost") && b.nodes().contains("a@localhost"));
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
        runtimeA.close();
        runtimeB.close();
    }

    @Test
    void aGlobalNameIsUniqueSeenEverywhereAndGoesWithItsProcess() throws Exception {
        Pid mailer = server(runtimeB);
        assertThat(b.globalNames().register("mailer", mailer)).isTrue();
        assertThat(b.globalNames().whereis("mailer")).contains(mailer);
        await().atMost(SOON).until(() -> a.globalNames().whereis("mailer").isPresent());
        assertThat(a.nodeOf(a.globalNames().whereis("mailer").orElseThrow())).isEqualTo("b@localhost");
        assertThat(runtimeA.call(ProcessRef.global("mailer"), "hi", SOON)).isEqualTo("b@localhost:hi");
        assertThat(a.globalNames().registeredNames()).containsExactly("mailer");

        assertThat(a.globalNames().register("mailer", server(runtimeA))).isFalse();
        assertThat(b.globalNames().register("mailer", server(runtimeB))).isFalse();
        assertThatThrownBy(() -> a.globalNames().register("mailer", a.globalNames().whereis("mailer").orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another node");

        // a process of a monitors the global name: it resolves to b's pid, and the DOWN says how it ended
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<MonitorRef> monitored = new CompletableFuture<>();
        runtimeA.spawn(() -> {
            monitored.complete(runtimeA.monitor(ProcessRef.global("mailer")));
            seen.add(runtimeA.receive());
        });
        MonitorRef ref = monitored.get(5, TimeUnit.SECONDS);
        runtimeA.exit(ProcessRef.global("mailer"), ExitReason.of("retired"));
        Object down = seen.poll(5, TimeUnit.SECONDS);
        assertThat(down).isInstanceOf(DownMessage.class);
        assertThat(((DownMessage) down).ref()).isEqualTo(ref);
        assertThat(((DownMessage) down).reason()).hasToString("retired");
        await().atMost(SOON).until(() -> a.globalNames().whereis("mailer").isEmpty()
                && b.globalNames().whereis("mailer").isEmpty());
        assertThatThrownBy(() -> runtimeA.call(ProcessRef.global("mailer"), "hi", SOON))
                .isInstanceOf(NoProcessException.class);

        Pid second = server(runtimeA);
        assertThat(a.globalNames().register("mailer", second)).isTrue();
        await().atMost(SOON).until(() -> b.globalNames().whereis("mailer").isPresent());
        assertThat(b.globalNames().unregister("mailer")).isTrue();
        await().atMost(SOON).until(() -> a.globalNames().whereis("mailer").isEmpty()
                && b.globalNames().whereis("mailer").isEmpty());
        assertThat(runtimeA.info(second)).isPresent(); // unregistering frees the name, the process lives on
    }

    @Test
    void aGroupSpansTheNodesAndLosesItsDeadMembers() throws Exception {
        BlockingQueue<Object> got = new LinkedBlockingQueue<>();
        Pid onA = collector(runtimeA, got);
        Pid onB = collector(runtimeB, got);
        a.processGroups().join("workers", onA);
        b.processGroups().join("workers", onB);
        b.processGroups().join("workers", onB);
        await().atMost(SOON).until(() -> a.processGroups().members("workers").size() == 3
                && b.processGroups().members("workers").size() == 3);
        assertThat(a.processGroups().localMembers("workers")).containsExactly(onA);
        assertThat(a.processGroups().groups()).containsExactly("workers");

        assertThat(a.processGroups().broadcast("workers", "work")).isEqualTo(2);
        assertThat(List.of(got.poll(5, TimeUnit.SECONDS), got.poll(5, TimeUnit.SECONDS))).containsOnly("work");

        assertThat(b.processGroups().leave("workers", onB)).isTrue();
        await().atMost(SOON).until(() -> a.processGroups().members("workers").size() == 2);
        runtimeB.exit(onB, ExitReason.KILL);
        await().atMost(SOON).until(() -> a.processGroups().members("workers").equals(List.of(onA))
                && b.processGroups().members("workers").size() == 1);
        assertThat(a.processGroups().leave("workers", onA)).isTrue();
        assertThat(a.processGroups().leave("workers", onA)).isFalse();
        await().atMost(SOON).until(() -> b.processGroups().groups().isEmpty());
    }

    @Test
    void aNodeThatLeavesTakesItsNamesAndMembersAlong() {
        assertThat(b.globalNames().register("printer", server(runtimeB))).isTrue();
        b.processGroups().join("printers", server(runtimeB));
        await().atMost(SOON).until(() -> a.globalNames().whereis("printer").isPresent()
                && a.processGroups().members("printers").size() == 1);
        b.close();
        await().atMost(SOON).until(() -> a.globalNames().whereis("printer").isEmpty()
                && a.processGroups().members("printers").isEmpty());
        assertThat(a.globalNames().register("printer", server(runtimeA))).isTrue();
    }

    /** A server that answers every call with {@code label} and the request. */
    private static Pid server(ProcessRuntime runtime, String label) {
        return runtime.spawn(() -> {
            while (true) {
                if (runtime.receive() instanceof Call call) {
                    call.from().reply(label + ":" + call.request());
                }
            }
        });
    }

    private Pid server(ProcessRuntime runtime) {
        return server(runtime, runtime == runtimeA ? "a@localhost" : "b@localhost");
    }

    private static Pid collector(ProcessRuntime runtime, BlockingQueue<Object> got) {
        return runtime.spawn(() -> {
            while (true) {
                got.add(runtime.receive());
            }
        });
    }
}
