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
import org.junit.jupiter.api.Test;

/**
 * Global names and process groups between two nodes in one JVM (two runtimes, two channels): the
 * rules, quickly. The multi-JVM tests ({@code GlobalNamesIT}, {@code NameConflictIT}) cover kills and
 * partitions.
 */
class NamingInProcessTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private final TwoNodes nodes = new TwoNodes("naming");

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void aGlobalNameIsUniqueSeenEverywhereAndGoesWithItsProcess() throws Exception {
        Pid mailer = server(nodes.runtimeB);
        assertThat(nodes.b.globalNames().register("mailer", mailer)).isTrue();
        assertThat(nodes.b.globalNames().whereis("mailer")).contains(mailer);
        await().atMost(SOON).until(() -> nodes.a.globalNames().whereis("mailer").isPresent());
        assertThat(nodes.a.nodeOf(nodes.a.globalNames().whereis("mailer").orElseThrow())).isEqualTo("b@localhost");
        assertThat(nodes.runtimeA.call(ProcessRef.global("mailer"), "hi", SOON)).isEqualTo("b@localhost:hi");
        assertThat(nodes.a.globalNames().registeredNames()).containsExactly("mailer");

        assertThat(nodes.a.globalNames().register("mailer", server(nodes.runtimeA))).isFalse();
        assertThat(nodes.b.globalNames().register("mailer", server(nodes.runtimeB))).isFalse();
        assertThatThrownBy(() -> nodes.a.globalNames().register("mailer", nodes.a.globalNames().whereis("mailer").orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another node");

        // a process of a monitors the global name: it resolves to b's pid, and the DOWN says how it ended
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<MonitorRef> monitored = new CompletableFuture<>();
        nodes.runtimeA.spawn(() -> {
            monitored.complete(nodes.runtimeA.monitor(ProcessRef.global("mailer")));
            seen.add(nodes.runtimeA.receive());
        });
        MonitorRef ref = monitored.get(5, TimeUnit.SECONDS);
        nodes.runtimeA.exit(ProcessRef.global("mailer"), ExitReason.of("retired"));
        Object down = seen.poll(5, TimeUnit.SECONDS);
        assertThat(down).isInstanceOf(DownMessage.class);
        assertThat(((DownMessage) down).ref()).isEqualTo(ref);
        assertThat(((DownMessage) down).reason()).hasToString("retired");
        await().atMost(SOON).until(() -> nodes.a.globalNames().whereis("mailer").isEmpty()
                && nodes.b.globalNames().whereis("mailer").isEmpty());
        assertThatThrownBy(() -> nodes.runtimeA.call(ProcessRef.global("mailer"), "hi", SOON))
                .isInstanceOf(NoProcessException.class);

        Pid second = server(nodes.runtimeA);
        assertThat(nodes.a.globalNames().register("mailer", second)).isTrue();
        await().atMost(SOON).until(() -> nodes.b.globalNames().whereis("mailer").isPresent());
        assertThat(nodes.b.globalNames().unregister("mailer")).isTrue();
        await().atMost(SOON).until(() -> nodes.a.globalNames().whereis("mailer").isEmpty()
                && nodes.b.globalNames().whereis("mailer").isEmpty());
        assertThat(nodes.runtimeA.info(second)).isPresent(); // unregistering frees the name, the process lives on
    }

    @Test
    void aGroupSpansTheNodesAndLosesItsDeadMembers() throws Exception {
        BlockingQueue<Object> got = new LinkedBlockingQueue<>();
        Pid onA = collector(nodes.runtimeA, got);
        Pid onB = collector(nodes.runtimeB, got);
        nodes.a.processGroups().join("workers", onA);
        nodes.b.processGroups().join("workers", onB);
        nodes.b.processGroups().join("workers", onB);
        await().atMost(SOON).until(() -> nodes.a.processGroups().members("workers").size() == 3
                && nodes.b.processGroups().members("workers").size() == 3);
        assertThat(nodes.a.processGroups().localMembers("workers")).containsExactly(onA);
        assertThat(nodes.a.processGroups().groups()).containsExactly("workers");

        assertThat(nodes.a.processGroups().broadcast("workers", "work")).isEqualTo(2);
        assertThat(List.of(got.poll(5, TimeUnit.SECONDS), got.poll(5, TimeUnit.SECONDS))).containsOnly("work");

        assertThat(nodes.b.processGroups().leave("workers", onB)).isTrue();
        await().atMost(SOON).until(() -> nodes.a.processGroups().members("workers").size() == 2);
        nodes.runtimeB.exit(onB, ExitReason.KILL);
        await().atMost(SOON).until(() -> nodes.a.processGroups().members("workers").equals(List.of(onA))
                && nodes.b.processGroups().members("workers").size() == 1);
        assertThat(nodes.a.processGroups().leave("workers", onA)).isTrue();
        assertThat(nodes.a.processGroups().leave("workers", onA)).isFalse();
        await().atMost(SOON).until(() -> nodes.b.processGroups().groups().isEmpty());
    }

    @Test
    void aNodeThatLeavesTakesItsNamesAndMembersAlong() {
        assertThat(nodes.b.globalNames().register("printer", server(nodes.runtimeB))).isTrue();
        nodes.b.processGroups().join("printers", server(nodes.runtimeB));
        await().atMost(SOON).until(() -> nodes.a.globalNames().whereis("printer").isPresent()
                && nodes.a.processGroups().members("printers").size() == 1);
        nodes.b.close();
        await().atMost(SOON).until(() -> nodes.a.globalNames().whereis("printer").isEmpty()
                && nodes.a.processGroups().members("printers").isEmpty());
        assertThat(nodes.a.globalNames().register("printer", server(nodes.runtimeA))).isTrue();
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
        return server(runtime, runtime == nodes.runtimeA ? "a@localhost" : "b@localhost");
    }

    private static Pid collector(ProcessRuntime runtime, BlockingQueue<Object> got) {
        return runtime.spawn(() -> {
            while (true) {
                got.add(runtime.receive());
            }
        });
    }
}
