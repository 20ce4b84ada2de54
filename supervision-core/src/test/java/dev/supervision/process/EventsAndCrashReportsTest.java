package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.supervision.event.SupervisionEvent;
import dev.supervision.testing.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lifecycle events and crash reports. */
class EventsAndCrashReportsTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    @DisplayName("listeners see a process spawned, then exited with its reason and name")
    void lifecycleEvents() {
        List<SupervisionEvent> events = new CopyOnWriteArrayList<>();
        runtime.events().subscribe(events::add);
        Pid pid = runtime.spawn(() -> runtime.receive());
        runtime.register("worker", pid);
        runtime.exit(pid, ExitReason.of("boom"));
        await().until(() -> events.size() == 2);
        assertThat(events.get(0)).isInstanceOfSatisfying(ProcessEvent.Spawned.class,
                spawned -> assertThat(spawned.pid()).isEqualTo(pid));
        assertThat(events.get(1)).isInstanceOfSatisfying(ProcessEvent.Exited.class, exited -> {
            assertThat(exited.pid()).isEqualTo(pid);
            assertThat(exited.name()).isEqualTo("worker");
            assertThat(exited.reason()).isEqualTo(ExitReason.of("boom"));
        });
    }

    @Test
    @DisplayName("a failing listener does not stop the others")
    void failingListenerIsIsolated() {
        List<SupervisionEvent> events = new CopyOnWriteArrayList<>();
        runtime.events().subscribe(event -> {
            throw new IllegalStateException("listener bug");
        });
        runtime.events().subscribe(events::add);
        runtime.spawn(() -> { });
        await().until(() -> events.size() == 2);
    }

    @Test
    @DisplayName("an abnormal exit writes one structured crash report with pid, name, reason, last message and stack")
    void crashReport() {
        try (LogCapture log = LogCapture.of(CrashReporter.LOGGER_NAME)) {
            IllegalStateException boom = new IllegalStateException("database gone");
            Pid pid = runtime.spawn(() -> {
                runtime.receive();
                throw boom;
            });
            runtime.register("dbconnector", pid);
            runtime.send(pid, "query");
            await().until(() -> !log.events().isEmpty());
            ILoggingEvent report = log.events().getFirst();
            Map<String, Object> pairs = report.getKeyValuePairs().stream()
                    .collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value)));
            assertThat(pairs).containsEntry("pid", pid.toString())
                    .containsEntry("name", "dbconnector")
                    .containsEntry("lastMessage", "query")
                    .containsEntry("reason", ExitReason.crash(boom).toString());
            assertThat(report.getThrowableProxy().getMessage()).isEqualTo("database gone");
            assertThat(log.events()).hasSize(1);
        }
    }

    @Test
    @DisplayName("normal and shutdown exits write no crash report; an abnormal exit of its own code does")
    void noReportForNormalExits() {
        try (LogCapture log = LogCapture.of(CrashReporter.LOGGER_NAME)) {
            Pid normal = runtime.spawn(() -> { });
            Pid shutdown = runtime.spawn(() -> {
                throw new ProcessExit(ExitReason.shutdown("maintenance"));
            });
            Pid failed = runtime.spawn(() -> {
                throw new ProcessExit(ExitReason.of("disk_full"));
            });
            await().until(() -> !runtime.isAlive(normal) && !runtime.isAlive(shutdown) && !runtime.isAlive(failed));
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement().asString().contains(failed.toString(), "disk_full");
        }
    }

    @Test
    @DisplayName("a process ended by an exit signal (a kill, a linked crash) writes no crash report, as in Erlang")
    void noReportForSignalledExits() {
        try (LogCapture log = LogCapture.of(CrashReporter.LOGGER_NAME)) {
            Pid killed = runtime.spawn(() -> runtime.receive());
            Pid signalled = runtime.spawn(() -> runtime.receive());
            runtime.exit(killed, ExitReason.KILL);
            runtime.exit(signalled, ExitReason.of("operator"));
            Pid crashing = runtime.spawn(() -> {
                runtime.receive();
                throw new IllegalStateException("boom");
            });
            Pid linked = runtime.spawn(() -> {
                runtime.link(crashing);
                runtime.send(crashing, "go");
                runtime.receive();
            });
            await().until(() -> !runtime.isAlive(killed) && !runtime.isAlive(signalled) && !runtime.isAlive(linked));
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement().asString().contains(crashing.toString(), "boom");
        }
    }

    @Test
    @DisplayName("close ends every process, and nothing can be spawned afterwards")
    void closeEndsEverything() {
        ProcessRuntime other = ProcessRuntime.create();
        other.spawn(() -> other.receive());
        other.spawn(() -> other.receive());
        other.close();
        assertThat(other.processCount()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.spawn(() -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
