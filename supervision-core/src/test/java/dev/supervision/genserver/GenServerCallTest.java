package dev.supervision.genserver;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.supervision.genserver.TestServers.Add;
import dev.supervision.genserver.TestServers.Counter;
import dev.supervision.genserver.TestServers.Crash;
import dev.supervision.genserver.TestServers.Defer;
import dev.supervision.genserver.TestServers.Get;
import dev.supervision.genserver.TestServers.ReplyLater;
import dev.supervision.genserver.TestServers.ReplyThenStop;
import dev.supervision.genserver.TestServers.ReturnNull;
import dev.supervision.genserver.TestServers.Sleep;
import dev.supervision.genserver.TestServers.StopWith;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.CallingSelfException;
import dev.supervision.process.ExitReason;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ServerExitException;
import dev.supervision.testing.LogCapture;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** call and cast. */
class GenServerCallTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    private Pid counter(List<String> journal) {
        return GenServers.start(runtime, new Counter(journal), null).orThrow();
    }

    @Test
    @DisplayName("59: call returns handleCall's reply; the default timeout is 5 seconds")
    void item59_callReturnsTheReply() {
        Pid pid = counter(new CopyOnWriteArrayList<>());
        assertThat(runtime.call(pid, new Add(2))).isEqualTo(2);
        assertThat(runtime.call(pid, new Add(3), Duration.ofSeconds(1))).isEqualTo(5);
        assertThat(ProcessRuntime.DEFAULT_CALL_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("60: a call that is not answered in time throws CallTimeoutException; the late reply never reaches the caller")
    void item60_timeoutAndNoLateReply() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = counter(journal);
        CompletableFuture<Object> afterwards = new CompletableFuture<>();
        runtime.spawn(() -> {
            try {
                runtime.call(pid, new Sleep(Duration.ofMillis(300)), Duration.ofMillis(30));
                afterwards.complete("no timeout");
            } catch (CallTimeoutException expected) {
                runtime.call(pid, new Get()); // returns once the slow call has been answered
                afterwards.complete(runtime.receive(Duration.ofMillis(100)));
            }
        });
        assertThat(afterwards).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(Optional.empty());
        assertThat(journal).contains("call Sleep[duration=PT0.3S]");
    }

    @Test
    @DisplayName("60: the timeout exception names the target, the request and the timeout")
    void item60_timeoutMessage() {
        Pid pid = counter(new CopyOnWriteArrayList<>());
        runtime.register("slow", pid);
        assertThatThrownBy(() -> runtime.call(ProcessRef.named("slow"), new Sleep(Duration.ofMillis(200)), Duration.ofMillis(20)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("slow").hasMessageContaining("Sleep").hasMessageContaining("20 ms");
    }

    @Test
    @DisplayName("61: a handleCall that returns a bad value (null) ends the server; the caller gets its exit reason")
    void item61_badReturnValue() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = counter(journal);
        assertThatThrownBy(() -> runtime.call(pid, new ReturnNull()))
                .isInstanceOfSatisfying(ServerExitException.class, e -> {
                    assertThat(e.server()).isEqualTo(pid);
                    assertThat(e.reason().toString()).contains("handleCall returned null");
                });
        assertThat(runtime.isAlive(pid)).isFalse();
        assertThat(journal).last().asString().startsWith("terminate");
    }

    @Test
    @DisplayName("62: calls to a stopped server, an unknown name or oneself fail with noproc and calling_self")
    void item62_noprocAndCallingSelf() {
        Pid pid = counter(new CopyOnWriteArrayList<>());
        GenServers.stop(runtime, pid);
        assertThatThrownBy(() -> runtime.call(pid, new Get())).isInstanceOf(NoProcessException.class)
                .hasMessageContaining(pid.toString());
        assertThatThrownBy(() -> runtime.call(ProcessRef.named("nobody"), new Get())).isInstanceOf(NoProcessException.class)
                .hasMessageContaining("no process registered as 'nobody'");
        GenServerBehaviour<Object> selfCaller = new GenServerBehaviour<>() {
            @Override
            public Init<Object> init(Object arg) {
                return Init.ok("state");
            }

            @Override
            public CallResult<Object> handleCall(Object request, dev.supervision.process.ReplyTo from, Object state) {
                try {
                    runtime.call(runtime.self(), "again");
                    return new Reply<>("no exception", state);
                } catch (CallingSelfException e) {
                    return new Reply<>(e.getMessage(), state);
                }
            }
        };
        Pid self = GenServers.start(runtime, selfCaller, null).orThrow();
        assertThat(runtime.call(self, "go")).asString().contains("called itself");
    }

    @Test
    @DisplayName("63: a server that crashes, stops with {shutdown,R} or is killed during a call: the caller gets that reason")
    void item63_serverExitDuringCall() {
        Pid crashing = counter(new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> runtime.call(crashing, new Crash("boom")))
                .isInstanceOfSatisfying(ServerExitException.class, e ->
                        assertThat(e.reason()).isInstanceOf(ExitReason.Crash.class))
                .hasRootCauseMessage("boom");

        Pid stopping = counter(new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> runtime.call(stopping, new StopWith(ExitReason.shutdown("bye"))))
                .isInstanceOfSatisfying(ServerExitException.class, e ->
                        assertThat(e.reason()).isEqualTo(ExitReason.shutdown("bye")));

        Pid killed = counter(new CopyOnWriteArrayList<>());
        Thread.ofVirtual().start(() -> {
            await().until(() -> runtime.info(killed).map(i -> i.status().name()).orElse("").equals("RUNNING"));
            runtime.exit(killed, ExitReason.KILL);
        });
        assertThatThrownBy(() -> runtime.call(killed, new Sleep(Duration.ofSeconds(30)), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ServerExitException.class, e ->
                        assertThat(e.reason()).isEqualTo(ExitReason.KILLED));
    }

    @Test
    @DisplayName("63: no crash report for shutdown and {shutdown,_}; one for a crash")
    void item63_crashReportsOnlyForAbnormalReasons() {
        try (LogCapture log = LogCapture.of("dev.supervision.crash")) {
            Pid stopping = counter(new CopyOnWriteArrayList<>());
            assertThatThrownBy(() -> runtime.call(stopping, new StopWith(ExitReason.shutdown("bye"))));
            Pid crashing = counter(new CopyOnWriteArrayList<>());
            assertThatThrownBy(() -> runtime.call(crashing, new Crash("boom")));
            await().until(() -> !log.events().isEmpty());
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement().asString().contains(crashing.toString(), "boom", "Crash[why=boom]");
        }
    }

    @Test
    @DisplayName("64: ReplyAndStop runs terminate, then answers the caller, then the server exits with the reason")
    void item64_replyAndStop() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = counter(journal);
        Probe watcher = Probe.spawn(runtime);
        watcher.monitor(pid);
        Object reply = runtime.call(pid, new ReplyThenStop(ExitReason.of("done"), "bye"));
        journal.add("caller got " + reply);
        assertThat(watcher.next(dev.supervision.process.DownMessage.class).reason()).isEqualTo(ExitReason.of("done"));
        assertThat(journal).containsSubsequence("terminate done", "caller got bye");
    }

    @Test
    @DisplayName("65: a server may answer later, from another process or thread, through the ReplyTo")
    void item65_deferredReply() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = counter(journal);
        CompletableFuture<Object> answer = CompletableFuture.supplyAsync(() -> runtime.call(pid, new Defer()));
        // the server has taken the call and deferred it: only then may the reply be triggered
        await().until(() -> journal.contains("call Defer[]") && !answer.isDone());
        runtime.cast(pid, new ReplyLater("later"));
        assertThat(answer).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("later");
    }

    @Test
    @DisplayName("66: cast never throws: unknown names and dead pids are fine; a live server gets handleCast")
    void item66_castNeverThrows() {
        List<String> journal = new CopyOnWriteArrayList<>();
        Pid pid = counter(journal);
        runtime.cast(ProcessRef.named("nobody"), new Add(1));
        Pid dead = runtime.spawn(() -> { });
        await().until(() -> !runtime.isAlive(dead));
        runtime.cast(dead, new Add(1));
        runtime.cast(pid, new Add(7));
        assertThat(runtime.call(pid, new Get())).isEqualTo(7);
        assertThat(journal).contains("cast Add[amount=7]");
    }

    @Test
    @DisplayName("bad input: null targets and negative timeouts are refused with the parameter's name")
    void badCallInput() {
        Pid pid = counter(new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> runtime.call((Pid) null, new Get())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("server");
        assertThatThrownBy(() -> runtime.call(pid, new Get(), Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> runtime.cast(null, new Get())).isInstanceOf(NullPointerException.class);
        assertThat(runtime.call(pid, new Get(), Duration.ZERO.plusMillis(500))).isEqualTo(0);
    }

    @Test
    @DisplayName("a handler that blocks does not hold up other servers")
    void blockingHandlerDoesNotStarveOthers() {
        Pid blocked = counter(new CopyOnWriteArrayList<>());
        CompletableFuture.runAsync(() -> runtime.call(blocked, new Sleep(Duration.ofSeconds(2)), Duration.ofSeconds(5)));
        await().until(() -> runtime.info(blocked).orElseThrow().status().name().equals("RUNNING"));
        for (int i = 0; i < 50; i++) {
            Pid other = counter(new CopyOnWriteArrayList<>());
            assertThat(runtime.call(other, new Add(i), Duration.ofSeconds(1))).isEqualTo(i);
        }
        assertThat(runtime.info(blocked).orElseThrow().status().name()).isEqualTo("RUNNING");
    }

    @Test
    @DisplayName("calls from many threads at once are each answered exactly once")
    void concurrentCallers() {
        Pid pid = counter(new CopyOnWriteArrayList<>());
        List<CompletableFuture<Object>> calls = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> runtime.call(pid, new Add(1)),
                        r -> Thread.ofVirtual().start(r)))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        assertThat(calls).extracting(CompletableFuture::join).doesNotHaveDuplicates().hasSize(200);
        assertThat(runtime.call(pid, new Get())).isEqualTo(200);
    }
}
