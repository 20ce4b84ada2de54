package dev.supervision.genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour replayed from OTP 25 where an earlier version differed from it. */
class OtpConformanceTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    /** A server whose init waits until released (or interrupted), then starts. */
    private static final class SlowInit implements GenServerBehaviour<String> {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();

        @Override
        public Init<String> init(Object arg) throws Exception {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return Init.ok("started");
        }
    }

    @Test
    void startLinkTimeoutLeavesANonTrappingCallerAliveWithNoExitInItsMailbox() {
        Probe caller = Probe.spawn(runtime);
        SlowInit slow = new SlowInit();
        StartResult result = caller.exec(() -> GenServers.startLink(runtime, slow, null,
                StartOptions.named("slow").withTimeout(Duration.ofMillis(50))));
        assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.of("timeout")));
        assertThat(caller.alive()).isTrue();
        assertThat(runtime.whereis("slow")).isEmpty();
        assertThat(caller.exec(() -> runtime.info(runtime.self()).orElseThrow().mailboxLength())).isZero();
        assertThat(caller.drained()).isEmpty();
    }

    @Test
    void startLinkTimeoutFlushesTheExitOfATrappingCaller() {
        Probe caller = Probe.trapping(runtime);
        StartResult result = caller.exec(() -> GenServers.startLink(runtime, new SlowInit(), null,
                StartOptions.DEFAULT.withTimeout(Duration.ofMillis(50))));
        assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.of("timeout")));
        assertThat(caller.exec(() -> "still here")).isEqualTo("still here");
        assertThat(caller.drained()).noneMatch(ExitMessage.class::isInstance);
    }

    @Test
    void zeroStartTimeoutTimesOutWhenInitHasNotAnsweredYet() {
        SlowInit slow = new SlowInit();
        StartResult result = GenServers.start(runtime, slow, null, StartOptions.named("zero").withTimeout(Duration.ZERO));
        assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.of("timeout")));
        assertThat(runtime.whereis("zero")).isEmpty();
    }

    @Test
    void aStartTimeoutAlwaysAnswersTimeoutEvenWhenInitFinishesWhileTheServerIsKilled() {
        for (int i = 0; i < 200; i++) {
            GenServerBehaviour<String> quick = arg -> Init.ok("up");
            StartResult result = GenServers.start(runtime, quick, null, StartOptions.DEFAULT.withTimeout(Duration.ZERO));
            if (result instanceof StartResult.Started started) {
                assertThat(runtime.isAlive(started.pid())).as("a started server returned by a timed-out start").isTrue();
            } else {
                assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.of("timeout")));
            }
        }
    }

    @Test
    void aKillDuringAnInitRunningOnTheCallersThreadInterruptsIt() {
        Probe caller = Probe.spawn(runtime);
        SlowInit slow = new SlowInit();
        Thread killer = Thread.ofVirtual().start(() -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.whereis("victim").isPresent());
            runtime.exit(runtime.whereis("victim").orElseThrow(), ExitReason.KILL);
        });
        StartResult result = caller.exec(() -> GenServers.start(runtime, slow, null, StartOptions.named("victim")));
        assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.KILLED));
        assertThat(slow.interrupted).isTrue();
        assertThat(caller.alive()).isTrue();
        assertThat(caller.exec(() -> Thread.currentThread().isInterrupted())).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> !killer.isAlive());
    }

    @Test
    void exitSelfKillInterruptsTheProcessOwnThread() {
        AtomicBoolean interruptedAfterKill = new AtomicBoolean();
        CountDownLatch checked = new CountDownLatch(1);
        runtime.spawn(() -> {
            try {
                runtime.exit(runtime.self(), ExitReason.KILL);
            } finally {
                interruptedAfterKill.set(Thread.currentThread().isInterrupted());
                checked.countDown();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> checked.getCount() == 0);
        assertThat(interruptedAfterKill).isTrue();
    }

    @Test
    void aTimerAimedAtAPidIsCancelledWhenThatProcessExits() throws Exception {
        Probe target = Probe.spawn(runtime);
        var timer = runtime.sendAfter(Duration.ofHours(1), target.pid(), "late");
        target.kill();
        await().atMost(Duration.ofSeconds(5)).until(() -> !target.alive());
        assertThat(runtime.cancelTimer(timer)).as("the timer is gone with its target").isEmpty();
    }

    @Test
    void aTimerAimedAtANameOutlivesTheHolderAndReachesTheNextOne() {
        Probe first = Probe.spawn(runtime);
        runtime.register("holder", first.pid());
        var timer = runtime.sendAfter(Duration.ofHours(1), ProcessRef.named("holder"), "later");
        first.kill();
        await().atMost(Duration.ofSeconds(5)).until(() -> !first.alive());
        assertThat(runtime.cancelTimer(timer)).as("a timer aimed at a name stays pending").isPresent();
    }

    @Test
    void timersOfRestartedServersDoNotAccumulate() {
        GenServerBehaviour<Object> armsATimer = arg -> {
            ProcessRuntime current = ProcessRuntime.current();
            current.sendAfter(Duration.ofHours(1), current.self(), "in an hour");
            return Init.ok(arg);
        };
        for (int i = 0; i < 2_000; i++) {
            Pid pid = GenServers.start(runtime, armsATimer, null).orThrow();
            runtime.exit(pid, ExitReason.KILL);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.processCount() == 0);
        assertThat(runtime.internals().pendingTimers()).isZero();
    }

    @Test
    void aCallWithoutATimeoutGivesUpAfterFiveSeconds() {
        GenServerBehaviour<Object> silent = new GenServerBehaviour<>() {
            @Override
            public Init<Object> init(Object arg) {
                return Init.ok(arg);
            }

            @Override
            public CallResult<Object> handleCall(Object request, dev.supervision.process.ReplyTo from, Object state) {
                return new NoReply<>(state);
            }
        };
        Pid pid = GenServers.start(runtime, silent, null).orThrow();
        long start = System.nanoTime();
        assertThatThrownBy(() -> runtime.call(pid, "anyone?"))
                .isInstanceOfSatisfying(dev.supervision.process.CallTimeoutException.class,
                        timedOut -> assertThat(timedOut.timeout()).isEqualTo(Duration.ofSeconds(5)));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(4_900L, 20_000L);
    }
}
