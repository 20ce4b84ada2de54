package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.testing.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Monitors. */
class MonitorsTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }


    @Test
    @DisplayName("73a: monitoring a dead pid gives a DOWN with noproc at once")
    void item73_monitorDeadPid() {
        Pid dead = runtime.spawn(() -> { });
        await().until(() -> !runtime.isAlive(dead));
        Probe owner = Probe.spawn(runtime);
        MonitorRef ref = owner.monitor(dead);
        assertThat(owner.next()).isEqualTo(new DownMessage(ref, dead, null, ExitReason.NOPROC));
    }

    @Test
    @DisplayName("73b: monitoring a name nobody holds gives a DOWN with the name and noproc")
    void item73_monitorUnregisteredName() {
        Probe owner = Probe.spawn(runtime);
        MonitorRef ref = owner.exec(() -> runtime.monitor(ProcessRef.named("nobody")));
        assertThat(owner.next()).isEqualTo(new DownMessage(ref, null, "nobody", ExitReason.NOPROC));
    }

    @Test
    @DisplayName("74a: two monitors on one process give two DOWN messages with its reason")
    void item74_everyMonitorFiresOnce() {
        Pid target = Probe.exitOnCommand(runtime);
        Probe owner = Probe.spawn(runtime);
        MonitorRef first = owner.monitor(target);
        MonitorRef second = owner.monitor(target);
        assertThat(first).isNotEqualTo(second);
        runtime.send(target, ExitReason.of("bye"));
        assertThat(owner.next()).isEqualTo(new DownMessage(first, target, null, ExitReason.of("bye")));
        assertThat(owner.next()).isEqualTo(new DownMessage(second, target, null, ExitReason.of("bye")));
        assertThat(owner.<String>exec(() -> "synced")).isEqualTo("synced");
        assertThat(owner.drained()).isEmpty();
    }

    @Test
    @DisplayName("74b: after demonitor(ref, flush) no DOWN for that monitor is ever seen")
    void item74_demonitorWithFlush() {
        Pid target = runtime.spawn(() -> runtime.receive());
        Pid trapper = runtime.spawn(() -> {
            MonitorRef ref = runtime.monitor(target);
            runtime.exit(target, ExitReason.KILL);
            // the DOWN may already be queued: flush removes it
            boolean wasActive = runtime.demonitor(ref, true);
            Object next = runtime.receive(java.time.Duration.ofMillis(200)).orElse("nothing");
            throw new ProcessExit(ExitReason.of(next + "/" + wasActive));
        });
        Probe watcher = Probe.spawn(runtime);
        watcher.monitor(trapper);
        DownMessage down = watcher.next(DownMessage.class);
        assertThat(down.reason().toString()).startsWith("nothing/");
    }

    @Test
    @DisplayName("74c: demonitor without flush stops future DOWNs and reports whether the monitor was active")
    void item74_demonitorStopsTheMonitor() {
        Pid target = Probe.exitOnCommand(runtime);
        Probe owner = Probe.spawn(runtime);
        MonitorRef ref = owner.monitor(target);
        assertThat(runtime.info(target).orElseThrow().monitoredBy()).containsExactly(owner.pid());
        assertThat(owner.exec(() -> runtime.demonitor(ref))).isTrue();
        assertThat(owner.exec(() -> runtime.demonitor(ref))).isFalse();
        assertThat(runtime.info(target).orElseThrow().monitoredBy()).isEmpty();
        runtime.send(target, ExitReason.of("bye"));
        await().until(() -> !runtime.isAlive(target));
        assertThat(owner.<String>exec(() -> "synced")).isEqualTo("synced");
        assertThat(owner.drained()).isEmpty();
    }

    @Test
    @DisplayName("74d: the monitored process is unaffected when the monitor's owner dies")
    void item74_ownerDeathDoesNotAffectTarget() {
        Pid target = runtime.spawn(() -> runtime.receive());
        Probe owner = Probe.spawn(runtime);
        owner.monitor(target);
        owner.kill();
        await().until(() -> !owner.alive());
        assertThat(runtime.isAlive(target)).isTrue();
        await().until(() -> runtime.info(target).orElseThrow().monitoredBy().isEmpty());
    }

    @Test
    @DisplayName("3.3: monitoring a name resolves it once and the DOWN names it")
    void monitorByNameReportsTheName() {
        Pid target = Probe.exitOnCommand(runtime);
        runtime.register("target", target);
        Probe owner = Probe.spawn(runtime);
        MonitorRef ref = owner.exec(() -> runtime.monitor(ProcessRef.named("target")));
        runtime.send(target, ExitReason.SHUTDOWN);
        assertThat(owner.next()).isEqualTo(new DownMessage(ref, target, "target", ExitReason.SHUTDOWN));
    }

    @Test
    @DisplayName("process info lists the monitors a process holds")
    void infoListsHeldMonitors() {
        Pid target = runtime.spawn(() -> runtime.receive());
        Probe owner = Probe.spawn(runtime);
        MonitorRef ref = owner.monitor(target);
        assertThat(runtime.info(owner.pid()).orElseThrow().monitors()).containsExactly(ref);
    }
}
