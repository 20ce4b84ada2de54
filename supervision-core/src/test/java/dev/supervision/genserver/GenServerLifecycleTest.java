package dev.supervision.genserver;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.TestServers.ArmTimeout;
import dev.supervision.genserver.TestServers.Counter;
import dev.supervision.genserver.TestServers.Get;
import dev.supervision.genserver.TestServers.Sleep;
import dev.supervision.genserver.TestServers.TrappingCounter;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Continue, timeouts, terminate and stop. */
class GenServerLifecycleTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    @DisplayName("67a: a continue from init runs before any message, even one already queued")
    void item67_continueBeforeQueuedMessages() {
        List<String> journal = new CopyOnWriteArrayList<>();
        GenServerBehaviour<Integer> server = new Counter(journal) {
            @Override
            public Init<Integer> init(Object arg) throws Exception {
                runtime.send(runtime.self(), "queued before the continue");
                journal.add("init");
                return Init.ok(0, Action.continueWith("chain:second"));
            }
        };
        Pid pid = GenServers.start(runtime, server, null).orThrow();
        runtime.call(pid, new Get());
        assertThat(journal).containsExactly(
                "init", "continue chain:second", "continue second", "info queued before the continue", "call Get[]");
    }

    @Test
    @DisplayName("67b: Stop(normal) from handleContinue stops the server with normal")
    void item67_stopFromContinue() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Probe watcher = Probe.spawn(runtime);
        Pid pid = GenServers.start(runtime, new Counter(journal), Init.ok(0, Action.continueWith("stop"))).orThrow();
        watcher.monitor(pid);
        assertThat(watcher.next(DownMessage.class).reason()).isIn(ExitReason.NORMAL, ExitReason.NOPROC);
        assertThat(journal).containsExactly("init", "continue stop", "terminate normal");
    }

    @Test
    @DisplayName("67c: a continue without handleContinue crashes the server, as OTP's undef")
    void item67_missingHandleContinue() {
        GenServerBehaviour<String> server = arg -> Init.ok("s", Action.continueWith("x"));
        Probe watcher = Probe.spawn(runtime);
        Pid pid = GenServers.start(runtime, server, null).orThrow();
        watcher.monitor(pid);
        ExitReason reason = watcher.next(DownMessage.class).reason();
        assertThat(reason.toString()).satisfiesAnyOf(
                r -> assertThat(r).contains("does not implement handleContinue"),
                r -> assertThat(r).isEqualTo("noproc"));
    }

    @Test
    @DisplayName("68a: a timeout after a callback gives handleInfo(IdleTimeout) when no message comes")
    void item68_idleTimeoutFires() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = GenServers.start(runtime, new Counter(journal), null).orThrow();
        assertThat(runtime.call(pid, new ArmTimeout(Duration.ofMillis(50)))).isEqualTo("armed");
        await().until(() -> journal.contains("info IdleTimeout[]"));
    }

    @Test
    @DisplayName("68b: any message arriving first cancels the idle timeout")
    void item68_messageCancelsIdleTimeout() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = GenServers.start(runtime, new Counter(journal), null).orThrow();
        runtime.call(pid, new ArmTimeout(Duration.ofMillis(300)));
        runtime.send(pid, "interrupting");
        await().until(() -> journal.contains("info interrupting"));
        // outlive the timeout: the scenario needs real time to pass
        assertThat(runtime.call(pid, new Sleep(Duration.ofMillis(400)))).isEqualTo("slept");
        assertThat(runtime.call(pid, new Get())).isEqualTo(0);
        assertThat(journal).doesNotContain("info IdleTimeout[]");
    }

    @Test
    @DisplayName("68c: a timeout from init fires when nothing arrives")
    void item68_timeoutFromInit() {
        List<String> journal = new CopyOnWriteArrayList<>();
        GenServers.start(runtime, new Counter(journal), Init.ok(0, Action.timeout(Duration.ofMillis(20)))).orThrow();
        await().until(() -> journal.contains("info IdleTimeout[]"));
    }

    @Test
    @DisplayName("69a: a trapping server's parent sends shutdown: terminate(shutdown) runs and the parent sees the EXIT")
    void item69_parentShutdownRunsTerminate() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Probe parent = Probe.trapping(runtime);
        Pid pid = parent.exec(() ->
                GenServers.startLink(runtime, new TrappingCounter(journal), null, StartOptions.DEFAULT).orThrow());
        parent.run(() -> runtime.exit(pid, ExitReason.SHUTDOWN));
        assertThat(parent.next()).isEqualTo(new ExitMessage(pid, ExitReason.SHUTDOWN));
        assertThat(journal).containsExactly("terminate shutdown");
    }

    @Test
    @DisplayName("69b: without trapping, the parent's shutdown ends the server without terminate")
    void item69_nonTrappingDiesWithoutTerminate() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Probe parent = Probe.trapping(runtime);
        Pid pid = parent.exec(() ->
                GenServers.startLink(runtime, new Counter(journal), null, StartOptions.DEFAULT).orThrow());
        parent.run(() -> runtime.exit(pid, ExitReason.SHUTDOWN));
        assertThat(parent.next()).isEqualTo(new ExitMessage(pid, ExitReason.SHUTDOWN));
        assertThat(journal).containsExactly("init");
    }

    @Test
    @DisplayName("69c: an EXIT from a linked process that is not the parent goes to handleInfo")
    void item69_nonParentExitGoesToHandleInfo() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = GenServers.start(runtime, new TrappingCounter(journal), null).orThrow();
        Probe other = Probe.spawn(runtime);
        other.link(pid);
        other.kill();
        await().until(() -> journal.contains("info " + new ExitMessage(other.pid(), ExitReason.KILLED)));
        assertThat(runtime.isAlive(pid)).isTrue();
    }

    @Test
    @DisplayName("69d: a kill never runs terminate, even when trapping")
    void item69_killSkipsTerminate() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = GenServers.start(runtime, new TrappingCounter(journal), null).orThrow();
        runtime.exit(pid, ExitReason.KILL);
        assertThat(runtime.isAlive(pid)).isFalse();
        assertThat(journal).isEmpty();
    }

    @Test
    @DisplayName("70a: stop returns once the server is gone; a second stop fails with noproc")
    void item70_stopTwice() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = GenServers.start(runtime, new Counter(journal), null, StartOptions.named("c")).orThrow();
        GenServers.stop(runtime, ProcessRef.named("c"));
        assertThat(runtime.isAlive(pid)).isFalse();
        assertThat(runtime.whereis("c")).isEmpty();
        assertThat(journal).last().isEqualTo("terminate normal");
        assertThatThrownBy(() -> GenServers.stop(runtime, pid)).isInstanceOf(NoProcessException.class);
    }

    @Test
    @DisplayName("70b: stop with another reason and an infinite timeout; terminate sees that reason")
    void item70_stopWithReason() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = GenServers.start(runtime, new Counter(journal), null).orThrow();
        GenServers.stop(runtime, pid, ExitReason.of("other"), ProcessRuntime.INFINITY);
        assertThat(journal).last().isEqualTo("terminate other");
    }

    @Test
    @DisplayName("70c: stop against a busy server times out")
    void item70_stopTimesOutOnBusyServer() {
        Pid pid = GenServers.start(runtime, new Counter(), null).orThrow();
        CompletableFuture.runAsync(() -> runtime.call(pid, new Sleep(Duration.ofSeconds(1))));
        await().until(() -> runtime.info(pid).orElseThrow().status().name().equals("RUNNING"));
        assertThatThrownBy(() -> GenServers.stop(runtime, pid, ExitReason.of("r"), Duration.ofMillis(100)))
                .isInstanceOf(CallTimeoutException.class);
    }

    @Test
    @DisplayName("a handler that throws runs terminate with the crash and ends the server")
    void throwingHandlerRunsTerminate() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = GenServers.start(runtime, new Counter(journal), null).orThrow();
        runtime.cast(pid, "unused");
        assertThatThrownBy(() -> runtime.call(pid, new TestServers.Crash("boom")));
        assertThat(journal).last().asString().startsWith("terminate {java.lang.IllegalStateException,boom}");
    }

    @Test
    @DisplayName("default callbacks: a cast to a server without handleCast crashes it; unexpected info is dropped")
    void defaultCallbacks() {
        GenServerBehaviour<String> minimal = arg -> Init.ok("s");
        Pid pid = GenServers.start(runtime, minimal, null).orThrow();
        runtime.send(pid, "unexpected");
        Probe watcher = Probe.spawn(runtime);
        watcher.monitor(pid);
        assertThat(runtime.isAlive(pid)).isTrue();
        runtime.cast(pid, "no handler");
        assertThat(watcher.next(DownMessage.class).reason().toString()).contains("does not implement handleCast");
    }

    @Test
    @DisplayName("a restarted server never sees the old state: init builds it afresh")
    void freshStateOnEveryStart() {
        Counter behaviour = new Counter();
        Pid first = GenServers.start(runtime, behaviour, 5, StartOptions.named("c")).orThrow();
        runtime.call(ProcessRef.named("c"), new TestServers.Add(10));
        runtime.exit(first, ExitReason.KILL);
        Pid second = GenServers.start(runtime, new Counter(), 5, StartOptions.named("c")).orThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(runtime.call(ProcessRef.named("c"), new Get())).isEqualTo(5);
    }
}
