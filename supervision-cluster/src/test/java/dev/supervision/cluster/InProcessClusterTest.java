package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.Call;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.NodeDownException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes in one JVM (two runtimes, two channels): the remote operations, quickly. */
class InProcessClusterTest {

    private TwoNodes nodes;
    private ProcessRuntime runtimeA;
    private ProcessRuntime runtimeB;
    private ClusterNode a;
    private ClusterNode b;

    @BeforeEach
    void start() {
        nodes = new TwoNodes("in-process");
        runtimeA = nodes.runtimeA;
        runtimeB = nodes.runtimeB;
        a = nodes.a;
        b = nodes.b;
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void sendCallLinkMonitorAcrossNodes() throws Exception {
        BlockingQueue<Object> seenOnB = new LinkedBlockingQueue<>();
        Pid echo = runtimeB.spawn(() -> {
            runtimeB.register("echo", runtimeB.self());
            runtimeB.trapExit(true);
            while (true) {
                Object message = runtimeB.receive();
                if (message instanceof Call call) {
                    call.from().reply("echo:" + call.request());
                } else {
                    seenOnB.add(message);
                }
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> runtimeB.whereis("echo").isPresent());
        assertThat(runtimeA.call(ProcessRef.named("echo", "b@localhost"), "hi", Duration.ofSeconds(5))).isEqualTo("echo:hi");
        Object remotePid = runtimeA.call(ProcessRef.named("echo", "b@localhost"), "x", Duration.ofSeconds(5));
        assertThat(remotePid).isEqualTo("echo:x");

        BlockingQueue<Object> seenOnA = new LinkedBlockingQueue<>();
        Pid probe = runtimeA.spawn(() -> {
            runtimeA.trapExit(true);
            Pid remote = (Pid) runtimeA.receive();
            runtimeA.send(remote, "hello from a");
            runtimeA.send(remote, runtimeA.self());
            runtimeA.link(remote);
            runtimeA.monitor(remote);
            seenOnA.add("linked");
            while (true) {
                seenOnA.add(runtimeA.receive());
            }
        });
        Pid echoSeenFromA = new Pid(1, echo.serial(), echo.creation());
        runtimeA.send(probe, echoSeenFromA);
        assertThat(seenOnB.poll(5, TimeUnit.SECONDS)).isEqualTo("hello from a");
        Object pidOnB = seenOnB.poll(5, TimeUnit.SECONDS);
        assertThat(pidOnB).isEqualTo(new Pid(1, probe.serial(), probe.creation()));
        assertThat(pidOnB.toString()).startsWith("<1.");
        assertThat(seenOnA.poll(5, TimeUnit.SECONDS)).isEqualTo("linked");
        runtimeA.exit(echoSeenFromA, ExitReason.KILL);
        Object first = seenOnA.poll(5, TimeUnit.SECONDS);
        Object second = seenOnA.poll(5, TimeUnit.SECONDS);
        assertThat(List.of(first, second)).anySatisfy(m -> assertThat(m).isEqualTo(new ExitMessage(echoSeenFromA, ExitReason.KILLED)));
        assertThat(List.of(first, second)).anySatisfy(m -> assertThat(m).isInstanceOf(DownMessage.class)
                .extracting(d -> ((DownMessage) d).reason()).isEqualTo(ExitReason.KILLED));
    }

    @Test
    void timeoutsAndNodeDownDuringACall() throws Exception {
        runtimeB.spawn(() -> {
            runtimeB.register("slow", runtimeB.self());
            runtimeB.receive(m -> false, ProcessRuntime.INFINITY); // never answers
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> runtimeB.whereis("slow").isPresent());
        ProcessRef slow = ProcessRef.named("slow", "b@localhost");
        assertThatThrownBy(() -> runtimeA.call(slow, "x", Duration.ofMillis(200)))
                .isInstanceOf(dev.supervision.process.CallTimeoutException.class);
        var pending = runtimeA.callAsync(slow, new Ask(), Duration.ofSeconds(30));
        b.close();
        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(NodeDownException.class)
                .hasMessageContaining("b@localhost");
    }

    /** A typed request. */
    record Ask() implements dev.supervision.process.Request<String> {
    }

    @Test
    void aReplyThatCannotBeDecodedFailsTheCallerTyped() {
        runtimeB.spawn(() -> {
            runtimeB.register("leaky", runtimeB.self());
            while (true) {
                if (runtimeB.receive() instanceof Call call) {
                    call.from().reply(new dev.supervision.outside.Unlisted("not for a"));
                }
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> runtimeB.whereis("leaky").isPresent());
        assertThatThrownBy(() -> runtimeA.call(ProcessRef.named("leaky", "b@localhost"), "q", Duration.ofSeconds(5)))
                .isInstanceOf(dev.supervision.process.UnreadableMessageException.class)
                .hasMessageContaining(dev.supervision.outside.Unlisted.class.getName());
    }

    @Test
    void callToUnknownNodeIsNodeDown() {
        assertThatThrownBy(() -> runtimeA.call(ProcessRef.named("x", "nobody@nowhere"), "q", Duration.ofSeconds(1)))
                .isInstanceOf(NodeDownException.class).hasMessageContaining("nobody@nowhere");
    }
}
