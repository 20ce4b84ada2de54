package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Mailboxes, send and receive. */
class MailboxTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    record Tagged(String tag, int value) {
    }

    @Test
    @DisplayName("76: selective receive takes the first match and leaves the others in order")
    void item76_selectiveReceiveKeepsOrder() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Pid pid = runtime.spawn(() -> {
            runtime.receive(m -> m.equals("go"), ProcessRuntime.INFINITY);
            seen.add(runtime.receive(Tagged.class, t -> t.tag().equals("b"), Duration.ofSeconds(5)).orElseThrow());
            seen.add(runtime.info(runtime.self()).orElseThrow().mailboxLength());
            seen.add(runtime.receive());
            seen.add(runtime.receive());
        });
        runtime.send(pid, new Tagged("a", 1));
        runtime.send(pid, new Tagged("b", 2));
        runtime.send(pid, new Tagged("a", 3));
        runtime.send(pid, "go");
        await().until(() -> seen.size() == 4);
        assertThat(seen).containsExactly(new Tagged("b", 2), 2, new Tagged("a", 1), new Tagged("a", 3));
    }

    @Test
    @DisplayName("3.6: receive with a timeout returns empty when nothing matches in time; after 0 polls")
    void receiveTimesOut() {
        List<Optional<Object>> results = new CopyOnWriteArrayList<>();
        Pid pid = runtime.spawn(() -> {
            results.add(runtime.receive(Duration.ZERO));
            results.add(runtime.receive(m -> m.equals("never"), Duration.ofMillis(50)));
            results.add(runtime.receive(Duration.ofSeconds(5)));
        });
        await().until(() -> results.size() == 2);
        runtime.send(pid, "other");
        await().until(() -> results.size() == 3);
        assertThat(results.get(0)).isEmpty();
        assertThat(results.get(1)).isEmpty();
        assertThat(results.get(2)).contains("other");
    }

    @Test
    @DisplayName("3.5: a send to a dead pid is dropped silently; messages must not be null")
    void sendToDeadPidIsDropped() {
        Pid dead = runtime.spawn(() -> { });
        await().until(() -> !runtime.isAlive(dead));
        runtime.send(dead, "hello");
        assertThatThrownBy(() -> runtime.send(dead, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("message");
        assertThatThrownBy(() -> runtime.send((Pid) null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("messages from one sender arrive in send order")
    void orderPerSender() {
        Probe probe = Probe.spawn(runtime);
        for (int i = 0; i < 1000; i++) {
            runtime.send(probe.pid(), i);
        }
        List<Object> received = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            received.add(probe.next());
        }
        assertThat(received).isEqualTo(java.util.stream.IntStream.range(0, 1000).boxed().toList());
    }

    @Test
    @DisplayName("process info: status, name, mailbox length, trap exit and start time")
    void processInfo() {
        Pid pid = runtime.spawn(() -> {
            runtime.trapExit(true);
            runtime.receive(m -> m.equals("never"), ProcessRuntime.INFINITY);
        });
        runtime.register("waiter", pid);
        runtime.send(pid, "one");
        runtime.send(pid, "two");
        await().until(() -> runtime.info(pid).orElseThrow().status() == ProcessStatus.WAITING
                && runtime.info(pid).orElseThrow().trapExit());
        ProcessInfo info = runtime.info(pid).orElseThrow();
        assertThat(info.name()).isEqualTo("waiter");
        assertThat(info.mailboxLength()).isEqualTo(2);
        assertThat(info.startedAt()).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(runtime.processes()).contains(pid);
        runtime.exit(pid, ExitReason.KILL);
        assertThat(runtime.info(pid)).isEmpty();
    }

    @Test
    @DisplayName("sendAfter delivers later; cancelTimer stops it and tells the time left")
    void timers() {
        Probe probe = Probe.spawn(runtime);
        runtime.sendAfter(Duration.ofMillis(20), probe.pid(), "tick");
        TimerRef cancelled = runtime.sendAfter(Duration.ofMinutes(1), probe.pid(), "never");
        assertThat(probe.next()).isEqualTo("tick");
        assertThat(runtime.cancelTimer(cancelled)).hasValueSatisfying(left -> assertThat(left).isPositive());
        assertThat(runtime.cancelTimer(cancelled)).isEmpty();
        runtime.register("probe", probe.pid());
        runtime.sendAfter(Duration.ZERO, ProcessRef.named("probe"), "by name");
        assertThat(probe.next()).isEqualTo("by name");
        assertThatThrownBy(() -> runtime.sendAfter(Duration.ofMillis(-1), probe.pid(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
