package dev.supervision.genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.TestServers.Counter;
import dev.supervision.genserver.TestServers.Get;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Starting GenServers. */
class GenServerStartTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    @DisplayName("54a: init returning ok starts the server; start returns only after init")
    void item54_startReturnsAfterInit() {
        List<String> journal = new CopyOnWriteArrayList<>();
        StartResult result = GenServers.start(runtime, new Counter(journal), 41);
        Pid pid = result.orThrow();
        assertThat(journal).containsExactly("init");
        assertThat(runtime.call(pid, new Get())).isEqualTo(41);
    }

    @Test
    @DisplayName("54b: startLink links the caller; start does not")
    void item54_startLinkLinksTheCaller() {
        Probe parent = Probe.spawn(runtime);
        Pid linked = parent.exec(() -> GenServers.startLink(runtime, new Counter(), null, StartOptions.DEFAULT).orThrow());
        Pid unlinked = parent.exec(() -> GenServers.start(runtime, new Counter(), null).orThrow());
        assertThat(runtime.info(parent.pid()).orElseThrow().links()).containsExactly(linked);
        assertThat(runtime.info(unlinked).orElseThrow().links()).isEmpty();
        assertThatThrownBy(() -> GenServers.startLink(runtime, new Counter(), null, StartOptions.DEFAULT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a process");
    }

    @Test
    @DisplayName("55a: init returning ignore gives Ignored and the process exits normal")
    void item55_ignore() {
        assertThat(GenServers.start(runtime, new Counter(), Init.ignore())).isEqualTo(new StartResult.Ignored());
        assertThat(runtime.processCount()).isZero();
    }

    @Test
    @DisplayName("55b: init returning stop(R) fails with R, and a trapping linked caller receives the EXIT")
    void item55_stop() {
        Probe parent = Probe.trapping(runtime);
        StartResult result = parent.exec(() ->
                GenServers.startLink(runtime, new Counter(), Init.stop(ExitReason.of("no db")), StartOptions.DEFAULT));
        assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.of("no db")));
        assertThat(parent.next()).isInstanceOfSatisfying(ExitMessage.class,
                exit -> assertThat(exit.reason()).isEqualTo(ExitReason.of("no db")));
    }

    @Test
    @DisplayName("55c: init returning stop(R) kills a non-trapping linked caller with R")
    void item55_stopKillsNonTrappingCaller() {
        Probe watcher = Probe.spawn(runtime);
        Probe parent = Probe.spawn(runtime);
        watcher.monitor(parent.pid());
        assertThatThrownBy(() -> parent.exec(() ->
                GenServers.startLink(runtime, new Counter(), Init.stop(ExitReason.of("no db")), StartOptions.DEFAULT)))
                .isInstanceOfSatisfying(dev.supervision.process.ProcessExit.class,
                        exit -> assertThat(exit.reason()).isEqualTo(ExitReason.of("no db")));
        assertThat(watcher.next(dev.supervision.process.DownMessage.class).reason()).isEqualTo(ExitReason.of("no db"));
    }

    @Test
    @DisplayName("55d: init that throws fails with a Crash reason and the exception; orThrow names it")
    void item55_initThrows() {
        StartResult result = GenServers.start(runtime, new Counter(), "not a number");
        assertThat(result).isInstanceOfSatisfying(StartResult.Failed.class, failed ->
                assertThat(failed.reason()).isInstanceOfSatisfying(ExitReason.Crash.class,
                        crash -> assertThat(crash.error()).hasMessage("bad arg not a number")));
        assertThatThrownBy(result::orThrow).isInstanceOf(StartException.class)
                .hasMessageContaining("failed to start").hasRootCauseMessage("bad arg not a number");
    }

    @Test
    @DisplayName("55e: init returning null (a bad return value) fails the start with a message that says so")
    void item55_badReturn() {
        GenServerBehaviour<Object> bad = arg -> null;
        StartResult result = GenServers.start(runtime, bad, null);
        assertThat(result).isInstanceOfSatisfying(StartResult.Failed.class, failed ->
                assertThat(failed.reason().toString()).contains("init returned null"));
    }

    @Test
    @DisplayName("56: an init slower than the start timeout fails with timeout and the process is killed")
    void item56_startTimeout() {
        GenServerBehaviour<Object> slow = arg -> {
            Thread.sleep(Duration.ofSeconds(10));
            return Init.ok("late");
        };
        StartResult result = GenServers.start(runtime, slow, null,
                StartOptions.named("slow").withTimeout(Duration.ofMillis(100)));
        assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.of("timeout")));
        assertThat(runtime.whereis("slow")).isEmpty();
        assertThat(runtime.processCount()).isZero();
    }

    @Test
    @DisplayName("57: starting with a taken name gives AlreadyStarted with the holder; nothing is started")
    void item57_alreadyStarted() {
        Pid first = GenServers.start(runtime, new Counter(), null, StartOptions.named("counter")).orThrow();
        List<String> journal = new CopyOnWriteArrayList<>();
        StartResult second = GenServers.start(runtime, new Counter(journal), null, StartOptions.named("counter"));
        assertThat(second).isEqualTo(new StartResult.AlreadyStarted(first));
        assertThat(journal).isEmpty();
        assertThat(runtime.processCount()).isEqualTo(1);
        assertThatThrownBy(second::orThrow).hasMessageContaining("already registered to " + first);
    }

    @Test
    @DisplayName("58: when init ignores or stops, the name is free by the time start returns")
    void item58_nameFreedBeforeStartReturns() {
        for (Init<Integer> refusal : List.<Init<Integer>>of(Init.ignore(), Init.stop(ExitReason.of("stopped")))) {
            GenServers.start(runtime, new Counter(), refusal, StartOptions.named("n"));
            assertThat(runtime.whereis("n")).isEmpty();
        }
    }

    @Test
    @DisplayName("bad input: null runtime, behaviour and options; negative timeouts; blank names")
    void badStartInput() {
        assertThatThrownBy(() -> GenServers.start(null, new Counter(), null)).hasMessageContaining("runtime");
        assertThatThrownBy(() -> GenServers.start(runtime, null, null)).hasMessageContaining("behaviour");
        assertThatThrownBy(() -> StartOptions.DEFAULT.withTimeout(Duration.ofMillis(-1)))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> StartOptions.named(" ")).hasMessageContaining("must not be blank");
    }

    @Test
    @DisplayName("a server killed during init fails the start with killed")
    void killedDuringInit() {
        GenServerBehaviour<Object> slow = arg -> {
            Thread.sleep(Duration.ofSeconds(10));
            return Init.ok("late");
        };
        Thread killer = Thread.ofVirtual().start(() -> {
            await().until(() -> runtime.processCount() == 1);
            runtime.exit(runtime.processes().getFirst(), ExitReason.KILL);
        });
        assertThat(GenServers.start(runtime, slow, null)).isEqualTo(new StartResult.Failed(ExitReason.KILLED));
        await().until(() -> !killer.isAlive());
    }
}
