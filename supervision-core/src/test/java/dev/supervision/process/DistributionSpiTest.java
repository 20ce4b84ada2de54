package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The distribution SPI: what targets another node goes to the installed {@link Distribution}, and
 * {@link RemoteSignals} acts on local processes as Erlang's distribution does. A recording fake stands
 * for the cluster module.
 */
class DistributionSpiTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();
    private final Recording remote = new Recording();
    private final Pid elsewhere = new Pid(3, 42, 0);

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    @DisplayName("without a distribution a remote pid is dead and a remote name's call is nodedown")
    void withoutDistributionNothingChanges() {
        runtime.send(elsewhere, "dropped");
        runtime.cast(elsewhere, "dropped");
        assertThatThrownBy(() -> runtime.call(elsewhere, "q")).isInstanceOf(NoProcessException.class);
        assertThatThrownBy(() -> runtime.call(ProcessRef.named("db", "b@host"), "q"))
                .isInstanceOf(NodeDownException.class).hasMessageContaining("b@host");
        Probe probe = Probe.trapping(runtime);
        probe.link(elsewhere);
        assertThat(probe.next()).isEqualTo(new ExitMessage(elsewhere, ExitReason.NOPROC));
    }

    @Test
    @DisplayName("sends, casts, exits, links, monitors and calls to another node go to the distribution")
    void remoteOperationsGoToTheDistribution() {
        runtime.internals().installDistribution(entry -> remote);
        Probe probe = Probe.trapping(runtime);
        probe.run(() -> runtime.send(elsewhere, "hello"));
        runtime.cast(ProcessRef.named("db", "b@host"), "cast");
        probe.run(() -> runtime.exit(elsewhere, ExitReason.KILL));
        probe.link(elsewhere);
        MonitorRef ref = probe.monitor(elsewhere);
        probe.run(() -> runtime.demonitor(ref));
        probe.run(() -> runtime.unlink(elsewhere));
        assertThat(remote.seen).containsExactly(
                "send " + probe.pid() + " " + elsewhere + " hello",
                "send " + runtime.external() + " {'db','b@host'} Cast[message=cast]",
                "exit " + probe.pid() + " " + elsewhere + " kill",
                "link " + probe.pid() + " " + elsewhere,
                "monitor " + probe.pid() + " " + ref + " " + elsewhere,
                "demonitor " + probe.pid() + " " + ref,
                "unlink " + probe.pid() + " " + elsewhere);
        assertThat(runtime.call(elsewhere, "question", Duration.ofSeconds(1))).isEqualTo("answer to question");
    }

    @Test
    @DisplayName("a node going down fires noconnection on every link to it; a remote DOWN reaches its owner")
    void nodeDownFiresLinksAndDownsReachOwners() {
        RemoteSignals signals = install();
        Probe probe = Probe.trapping(runtime);
        probe.link(elsewhere);
        MonitorRef ref = probe.monitor(elsewhere);
        signals.nodeDown(3);
        assertThat(probe.next()).isEqualTo(new ExitMessage(elsewhere, ExitReason.NOCONNECTION));
        signals.down(probe.pid(), ref, elsewhere, null, ExitReason.NOCONNECTION);
        assertThat(probe.next()).isEqualTo(new DownMessage(ref, elsewhere, null, ExitReason.NOCONNECTION));
        signals.down(probe.pid(), ref, elsewhere, null, ExitReason.NOCONNECTION);
        assertThat(probe.<String>exec(() -> "synced")).isEqualTo("synced");
        assertThat(probe.drained()).isEmpty();
    }

    @Test
    @DisplayName("a local process linked to a remote one tells the distribution when it dies")
    void localDeathTravelsThroughRemoteLinks() {
        RemoteSignals signals = install();
        Pid local = Probe.exitOnCommand(runtime);
        assertThat(signals.link(elsewhere, local)).isTrue();
        runtime.send(local, ExitReason.of("boom"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> remote.seen.contains("linkExit " + local + " " + elsewhere + " boom"));
    }

    @Test
    @DisplayName("remote calls reach local servers and their answers or deaths come back once")
    void incomingCalls() throws Exception {
        RemoteSignals signals = install();
        Pid server = runtime.spawn(() -> {
            Call call = (Call) runtime.receive();
            call.from().reply("pong");
            call.from().reply("twice");
        });
        CompletableFuture<Object> answer = new CompletableFuture<>();
        signals.call(server, "ping", elsewhere, new RemoteReply() {
            @Override
            public void replied(Object value) {
                answer.complete(value);
            }

            @Override
            public void failed(CallException failure) {
                answer.completeExceptionally(failure);
            }
        });
        assertThat(answer.get()).isEqualTo("pong");
        CompletableFuture<Object> none = new CompletableFuture<>();
        signals.call(ProcessRef.named("nobody"), "ping", elsewhere, new RemoteReply() {
            @Override
            public void replied(Object value) {
                none.complete(value);
            }

            @Override
            public void failed(CallException failure) {
                none.complete(failure);
            }
        });
        assertThat(none.get()).isInstanceOf(NoProcessException.class);
    }

    @Test
    @DisplayName("without a distribution a global name resolves to nothing: calls fail noproc, sends are dropped")
    void globalNamesWithoutDistribution() {
        GlobalName mailer = ProcessRef.global("mailer");
        assertThatThrownBy(() -> runtime.call(mailer, "q")).isInstanceOf(NoProcessException.class)
                .hasMessageContaining("registered globally as 'mailer'");
        assertThat(runtime.<Object>callAsync(mailer, new Request<Object>() { }, Duration.ofSeconds(1)))
                .failsWithin(Duration.ofSeconds(1)).withThrowableThat().withCauseInstanceOf(NoProcessException.class);
        runtime.send(mailer, "dropped");
        runtime.cast(mailer, "dropped");
        Probe probe = Probe.spawn(runtime);
        probe.run(() -> runtime.exit(mailer, ExitReason.KILL));
        MonitorRef ref = probe.exec(() -> runtime.monitor(mailer));
        assertThat(probe.next()).isEqualTo(new DownMessage(ref, null, "mailer", ExitReason.NOPROC));
        assertThatThrownBy(() -> ProcessRef.global(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("global name");
        assertThatThrownBy(() -> runtime.sendAfter(Duration.ofSeconds(1), mailer, "later"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{global,'mailer'}");
    }

    @Test
    @DisplayName("a global name is resolved once per operation, then acts on the pid, remote or local")
    void globalNamesResolveThroughTheDistribution() {
        install();
        GlobalName mailer = ProcessRef.global("mailer");
        remote.globals.put("mailer", elsewhere);
        Probe probe = Probe.trapping(runtime);
        probe.run(() -> runtime.send(mailer, "hello"));
        probe.run(() -> runtime.cast(mailer, "cast"));
        probe.run(() -> runtime.exit(mailer, ExitReason.KILL));
        MonitorRef ref = probe.exec(() -> runtime.monitor(mailer));
        assertThat(runtime.call(mailer, "question", Duration.ofSeconds(1))).isEqualTo("answer to question");
        assertThat(remote.seen).containsExactly(
                "send " + probe.pid() + " " + elsewhere + " hello",
                "send " + probe.pid() + " " + elsewhere + " Cast[message=cast]",
                "exit " + probe.pid() + " " + elsewhere + " kill",
                "monitor " + probe.pid() + " " + ref + " " + elsewhere);
        assertThat(remote.lookups).containsExactly("mailer", "mailer", "mailer", "mailer", "mailer");

        Pid local = runtime.spawn(() -> {
            Call call = (Call) runtime.receive();
            call.from().reply("local " + call.request());
        });
        remote.globals.put("mailer", local);
        assertThat(runtime.call(mailer, "question", Duration.ofSeconds(1))).isEqualTo("local question");
        remote.globals.remove("mailer");
        assertThatThrownBy(() -> runtime.call(mailer, "q")).isInstanceOf(NoProcessException.class);
    }

    private RemoteSignals install() {
        RemoteSignals[] entry = new RemoteSignals[1];
        runtime.internals().installDistribution(signals -> {
            entry[0] = signals;
            return remote;
        });
        return entry[0];
    }

    @Test
    @DisplayName("a runtime takes one distribution only")
    void oneDistributionOnly() {
        install();
        assertThatThrownBy(() -> runtime.internals().installDistribution(signals -> remote))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Records what reaches it; answers calls at once. */
    private static final class Recording implements Distribution {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<String> lookups = new CopyOnWriteArrayList<>();
        final Map<String, Pid> globals = new ConcurrentHashMap<>();

        @Override
        public Pid whereisGlobal(String name) {
            lookups.add(name);
            return globals.get(name);
        }

        @Override
        public void send(Pid from, ProcessRef to, Object message) {
            seen.add("send " + from + " " + to + " " + message);
        }

        @Override
        public void exit(Pid from, ProcessRef to, ExitReason reason) {
            seen.add("exit " + from + " " + to + " " + reason);
        }

        @Override
        public void link(Pid local, Pid other) {
            seen.add("link " + local + " " + other);
        }

        @Override
        public void unlink(Pid local, Pid other) {
            seen.add("unlink " + local + " " + other);
        }

        @Override
        public void linkExit(Pid local, Pid other, ExitReason reason) {
            seen.add("linkExit " + local + " " + other + " " + reason);
        }

        @Override
        public void monitor(Pid owner, MonitorRef ref, ProcessRef target) {
            seen.add("monitor " + owner + " " + ref + " " + target);
        }

        @Override
        public void demonitor(Pid owner, MonitorRef ref) {
            seen.add("demonitor " + owner + " " + ref);
        }

        @Override
        public CompletableFuture<Object> call(Pid caller, ProcessRef target, Object request, Duration timeout) {
            return CompletableFuture.completedFuture("answer to " + request);
        }
    }
}
