package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Links, exit signals and trap exit. */
class ExitSignalsTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }


    /** Watches {@code pid} from a trapping probe and returns the reason it dies with. */
    private ExitReason reasonOf(Pid pid, Probe watcher) {
        return watcher.next(DownMessage.class).reason();
    }

    private Probe watching(Pid pid) {
        Probe watcher = Probe.spawn(runtime);
        watcher.monitor(pid);
        return watcher;
    }

    @Test
    @DisplayName("71a: a linked process exiting normal leaves a non-trapping partner alive")
    void item71_linkedNormalExitIsIgnored() {
        Probe b = Probe.spawn(runtime);
        Pid a = Probe.exitOnCommand(runtime);
        b.link(a);
        Probe watcherOfA = watching(a);
        runtime.send(a, ExitReason.NORMAL);
        assertThat(reasonOf(a, watcherOfA)).isEqualTo(ExitReason.NORMAL);
        assertThat(b.exec(() -> "still here")).isEqualTo("still here");
    }

    @Test
    @DisplayName("71b: a linked process exiting R kills a non-trapping partner with R")
    void item71_linkedAbnormalExitPropagates() {
        Probe b = Probe.spawn(runtime);
        Pid a = Probe.exitOnCommand(runtime);
        b.link(a);
        Probe watcherOfB = watching(b.pid());
        runtime.send(a, ExitReason.of("boom"));
        assertThat(reasonOf(b.pid(), watcherOfB)).isEqualTo(ExitReason.of("boom"));
    }

    @Test
    @DisplayName("71c: a linked process exiting with reason kill kills its partner with kill, not killed")
    void item71_linkedKillReasonStaysKill() {
        Probe b = Probe.spawn(runtime);
        Pid a = Probe.exitOnCommand(runtime);
        b.link(a);
        Probe watcherOfB = watching(b.pid());
        runtime.send(a, ExitReason.KILL);
        assertThat(reasonOf(b.pid(), watcherOfB)).isEqualTo(ExitReason.KILL);
    }

    @Test
    @DisplayName("71d: a process killed with exit(A, kill) exits killed, and its partner dies killed")
    void item71_killedPropagatesAsKilled() {
        Probe b = Probe.spawn(runtime);
        Probe a = Probe.spawn(runtime);
        b.link(a.pid());
        Probe watcherOfA = watching(a.pid());
        Probe watcherOfB = watching(b.pid());
        runtime.exit(a.pid(), ExitReason.KILL);
        assertThat(reasonOf(a.pid(), watcherOfA)).isEqualTo(ExitReason.KILLED);
        assertThat(reasonOf(b.pid(), watcherOfB)).isEqualTo(ExitReason.KILLED);
    }

    @Test
    @DisplayName("72a: a trapping process gets {'EXIT', A, R} for every reason, normal and kill included")
    void item72_trappingTurnsSignalsIntoMessages() {
        Probe b = Probe.trapping(runtime);
        for (ExitReason reason : new ExitReason[] {ExitReason.NORMAL, ExitReason.of("boom"), ExitReason.KILL}) {
            Pid a = Probe.exitOnCommand(runtime);
            b.link(a);
            runtime.send(a, reason);
            assertThat(b.next()).isEqualTo(new ExitMessage(a, reason));
        }
        assertThat(b.alive()).isTrue();
    }

    @Test
    @DisplayName("72b: exit(B, kill) kills even a trapping process, with reason killed")
    void item72_killIsUntrappable() {
        Probe b = Probe.trapping(runtime);
        Probe watcher = watching(b.pid());
        runtime.exit(b.pid(), ExitReason.KILL);
        assertThat(reasonOf(b.pid(), watcher)).isEqualTo(ExitReason.KILLED);
    }

    @Test
    @DisplayName("3.1: exit(Pid, R) from another process kills a non-trapping target with R; normal is ignored")
    void exitSignalFromAnotherProcess() {
        Probe target = Probe.spawn(runtime);
        Probe watcher = watching(target.pid());
        runtime.exit(target.pid(), ExitReason.NORMAL);
        assertThat(target.exec(() -> "alive")).isEqualTo("alive");
        runtime.exit(target.pid(), ExitReason.of("stop it"));
        assertThat(reasonOf(target.pid(), watcher)).isEqualTo(ExitReason.of("stop it"));
    }

    @Test
    @DisplayName("3.1: a trapping target gets {'EXIT', From, R} for exit(Pid, R), From being the sender")
    void exitSignalToTrappingProcessNamesTheSender() {
        Probe target = Probe.trapping(runtime);
        Probe sender = Probe.spawn(runtime);
        sender.exec(() -> {
            runtime.exit(target.pid(), ExitReason.of("please"));
            return null;
        });
        assertThat(target.next()).isEqualTo(new ExitMessage(sender.pid(), ExitReason.of("please")));
        runtime.exit(target.pid(), ExitReason.NORMAL);
        assertThat(target.next()).isEqualTo(new ExitMessage(runtime.external(), ExitReason.NORMAL));
    }

    @Test
    @DisplayName("3.1: exit(self(), normal) ends a non-trapping process with normal")
    void exitSelfNormalQuirk() {
        Probe target = Probe.spawn(runtime);
        Probe watcher = watching(target.pid());
        assertThatThrownBy(() -> target.exec(() -> {
            runtime.exit(runtime.self(), ExitReason.NORMAL);
            return "not reached";
        })).isInstanceOf(ProcessExit.class);
        assertThat(reasonOf(target.pid(), watcher)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    @DisplayName("3.1: linking to a dead process raises noproc, or delivers {'EXIT', Pid, noproc} when trapping")
    void linkToDeadProcess() {
        Pid dead = runtime.spawn(() -> { });
        await().until(() -> !runtime.isAlive(dead));
        Probe plain = Probe.spawn(runtime);
        assertThatThrownBy(() -> plain.exec(() -> {
            runtime.link(dead);
            return null;
        })).isInstanceOf(NoProcessException.class).hasMessageContaining(dead.toString());
        Probe trapping = Probe.trapping(runtime);
        trapping.link(dead);
        assertThat(trapping.next()).isEqualTo(new ExitMessage(dead, ExitReason.NOPROC));
    }

    @Test
    @DisplayName("3.2: after unlink the link has no effect")
    void unlinkRemovesTheLink() {
        Probe b = Probe.spawn(runtime);
        Pid a = Probe.exitOnCommand(runtime);
        b.exec(() -> {
            runtime.link(a);
            runtime.unlink(a);
            return null;
        });
        assertThat(runtime.info(b.pid()).orElseThrow().links()).isEmpty();
        Probe watcherOfA = watching(a);
        runtime.send(a, ExitReason.of("boom"));
        reasonOf(a, watcherOfA);
        assertThat(b.exec(() -> "alive")).isEqualTo("alive");
    }

    @Test
    @DisplayName("3.2: a link is bidirectional and unique per pair; spawnLink links atomically")
    void linksAreBidirectionalAndUnique() {
        Probe parent = Probe.spawn(runtime);
        Pid child = parent.exec(() -> runtime.spawnLink(() -> runtime.receive()));
        parent.exec(() -> {
            runtime.link(child);
            runtime.link(child);
            return null;
        });
        assertThat(runtime.info(parent.pid()).orElseThrow().links()).containsExactly(child);
        assertThat(runtime.info(child).orElseThrow().links()).containsExactly(parent.pid());
        Probe watcherOfChild = watching(child);
        parent.kill();
        assertThat(reasonOf(child, watcherOfChild)).isEqualTo(ExitReason.KILLED);
    }

    @Test
    @DisplayName("3.2: a chain of 10,000 linked processes dies together without overflowing the stack")
    void longLinkChainsDieIteratively() {
        Probe head = Probe.spawn(runtime);
        Pid previous = head.pid();
        for (int i = 0; i < 10_000; i++) {
            Pid linkTo = previous;
            previous = runtime.spawn(() -> {
                runtime.link(linkTo);
                runtime.receive();
            });
        }
        Pid tail = previous;
        await().until(() -> runtime.info(tail).map(i -> !i.links().isEmpty()).orElse(false));
        int before = runtime.processCount();
        assertThat(before).isGreaterThanOrEqualTo(10_001);
        runtime.exit(head.pid(), ExitReason.of("boom"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !runtime.isAlive(tail));
        assertThat(runtime.processCount()).isEqualTo(before - 10_001);
    }

    @Test
    @DisplayName("kill: a killed process is dead at once for everybody, its thread is interrupted, and its later sends are dropped")
    void killedProcessIsDeadAtOnceAndSilenced() throws InterruptedException {
        Probe receiver = Probe.spawn(runtime);
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        Pid victim = runtime.spawn(() -> {
            blocked.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1)); // user code that blocks outside the runtime
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            runtime.send(receiver.pid(), "sent after death");
            finished.set(true);
        });
        blocked.await();
        runtime.exit(victim, ExitReason.KILL);
        assertThat(runtime.isAlive(victim)).isFalse();
        await().untilTrue(finished);
        assertThat(interrupted).isTrue();
        receiver.<String>exec(() -> "synced"); // the probe's mailbox has been read up to here
        assertThat(receiver.drained()).isEmpty();
    }

    @Test
    @DisplayName("a process whose body throws exits with a Crash reason carrying the exception")
    void throwingBodyCrashes() {
        Probe watcher = Probe.spawn(runtime);
        IllegalStateException boom = new IllegalStateException("boom");
        PidAndMonitor spawned = watcher.exec(() -> runtime.spawnMonitor(() -> {
            throw boom;
        }));
        DownMessage down = watcher.next(DownMessage.class);
        assertThat(down.ref()).isEqualTo(spawned.ref());
        assertThat(down.reason()).isEqualTo(ExitReason.crash(boom));
    }

    @Test
    @DisplayName("operations that act as the current process refuse plain threads with a clear message")
    void plainThreadsAreNotProcesses() {
        assertThatThrownBy(runtime::self).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("self works only inside a process");
        assertThatThrownBy(() -> runtime.link(new Pid(0, 1, 0))).hasMessageContaining("link works only");
        assertThatThrownBy(() -> runtime.trapExit(true)).hasMessageContaining("trapExit works only");
        assertThatThrownBy(() -> runtime.receive(Duration.ZERO)).hasMessageContaining("receive works only");
        assertThatThrownBy(() -> runtime.spawnLink(() -> { })).hasMessageContaining("spawning with a link");
        assertThatThrownBy(ProcessRuntime::current).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("resources a process owns are closed when it exits, even when it is killed")
    void ownedResourcesCloseOnExit() {
        AtomicBoolean closedOnKill = new AtomicBoolean();
        AtomicBoolean closedOnReturn = new AtomicBoolean();
        Pid killed = runtime.spawn(() -> {
            runtime.closeOnExit(() -> closedOnKill.set(true));
            runtime.receive();
        });
        runtime.spawn(() -> {
            runtime.closeOnExit(() -> closedOnReturn.set(true));
        });
        await().until(() -> runtime.info(killed).map(info -> info.status() == ProcessStatus.WAITING).orElse(false));
        assertThat(closedOnKill).isFalse();
        runtime.exit(killed, ExitReason.KILL);
        await().untilTrue(closedOnKill);
        await().untilTrue(closedOnReturn);
        assertThatThrownBy(() -> runtime.closeOnExit(() -> { })).isInstanceOf(IllegalStateException.class);
    }
}
