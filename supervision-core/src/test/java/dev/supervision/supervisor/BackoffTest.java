package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The restart backoff, on a manual clock: no test here waits real seconds. */
class BackoffTest extends SupervisorTestBase {

    private final ManualClock clock = new ManualClock();
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.0, Duration.ofSeconds(30));

    private Pid startOnClock(SupervisorFlags flags, ChildSpec... children) {
        return Supervisor.start(runtime, () -> Init.ok(SupervisorSpec.of(flags, children)), StartOptions.DEFAULT, clock)
                .orThrow();
    }

    @Test
    @DisplayName("delays grow by the multiplier up to the maximum; jitter stays within its fraction")
    void delays() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(backoff.delay(1, random)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2, random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4, random)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(30, random)).isEqualTo(Duration.ofSeconds(8));
        Backoff jittery = backoff.withJitter(0.5);
        for (int i = 0; i < 100; i++) {
            assertThat(jittery.delay(2, random)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        }
    }

    @Test
    @DisplayName("invalid backoffs are refused, naming the field and value")
    void validation() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, Duration.ZERO))
                .hasMessageContaining("'max'");
        assertThatThrownBy(() -> backoff.withMultiplier(0.5)).hasMessageContaining("'multiplier'").hasMessageContaining("0.5");
        assertThatThrownBy(() -> backoff.withJitter(1.5)).hasMessageContaining("'jitter'");
        assertThatThrownBy(() -> backoff.withResetAfter(Duration.ofSeconds(-1))).hasMessageContaining("'resetAfter'");
    }

    @Test
    void aSnapshotShowsWhenAPendingBackoffRestartIsDueAndNothingOnceItRan() {
        Pid sup = startOnClock(flags(Strategy.ONE_FOR_ONE).withBackoff(backoff), child("db"));
        assertThat(Supervisor.snapshot(runtime, sup).orElseThrow().child("db").orElseThrow().restartAt()).isNull();
        java.time.Instant killedAt = java.time.Instant.now();
        runtime.exit(pidOf(sup, "db"), ExitReason.KILL);
        await().until(() -> statusOf(sup, "db") == ChildStatus.RESTARTING);
        java.time.Instant due = Supervisor.snapshot(runtime, sup).orElseThrow().child("db").orElseThrow().restartAt();
        assertThat(due).isBetween(killedAt.plusMillis(900), java.time.Instant.now().plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        await().until(() -> statusOf(sup, "db") == ChildStatus.RUNNING);
        assertThat(Supervisor.snapshot(runtime, sup).orElseThrow().child("db").orElseThrow().restartAt()).isNull();
    }

    @Test
    @DisplayName("during a backoff the child shows restarting and restarts only when the delay has passed")
    void childWaitsOutTheDelay() {
        Pid sup = startOnClock(flags(Strategy.ONE_FOR_ONE).withBackoff(backoff), child("db"));
        Pid first = pidOf(sup, "db");
        runtime.exit(first, ExitReason.KILL);
        await().until(() -> statusOf(sup, "db") == ChildStatus.RESTARTING);
        assertThat(clock.onlyPendingDelay()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(statusOf(sup, "db")).isEqualTo(ChildStatus.RESTARTING);
        clock.advance(Duration.ofMillis(1));
        Pid second = awaitNewPid(sup, "db", first);

        runtime.exit(second, ExitReason.KILL);
        await().until(() -> statusOf(sup, "db") == ChildStatus.RESTARTING);
        assertThat(clock.onlyPendingDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("failed restarts back off too; each attempt counts toward the intensity, which still gives up")
    void failedRestartsBackOffAndCount() {
        Pid sup = startOnClock(SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(3, Duration.ofSeconds(3600))
                .withBackoff(backoff), child("db"));
        Probe watcher = watch(sup);
        control.alwaysFail.add("db");
        runtime.exit(pidOf(sup, "db"), ExitReason.KILL);
        Duration[] expected = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)};
        for (Duration delay : expected) {
            await().until(() -> clock.pending() == 1);
            assertThat(clock.onlyPendingDelay()).isEqualTo(delay);
            assertThat(Supervisor.countChildren(runtime, sup).specs()).isEqualTo(1); // still serving calls
            clock.advance(delay);
        }
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("a child that ran for resetAfter starts again from the initial delay")
    void resetAfterAQuietPeriod() {
        Pid sup = startOnClock(flags(Strategy.ONE_FOR_ONE).withBackoff(backoff), child("db"));
        Pid pid = pidOf(sup, "db");
        for (int i = 0; i < 3; i++) {
            runtime.exit(pid, ExitReason.KILL);
            await().until(() -> clock.pending() == 1);
            clock.advance(clock.onlyPendingDelay());
            pid = awaitNewPid(sup, "db", pid);
        }
        clock.advance(Duration.ofSeconds(31));
        runtime.exit(pid, ExitReason.KILL);
        await().until(() -> clock.pending() == 1);
        assertThat(clock.onlyPendingDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("a pending backoff never stops the supervisor from shutting down; the restart never happens")
    void shutdownDuringBackoff() {
        Pid sup = startOnClock(flags(Strategy.ONE_FOR_ONE).withBackoff(backoff), child("db"), child("other"));
        runtime.exit(pidOf(sup, "db"), ExitReason.KILL);
        await().until(() -> statusOf(sup, "db") == ChildStatus.RESTARTING);
        Supervisor.stop(runtime, sup);
        clock.advance(Duration.ofSeconds(10));
        assertThat(runtime.processCount()).isZero();
        assertThat(journal().stream().filter(line -> line.equals("start db")).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a child's own backoff wins over the supervisor's; rest_for_one keeps its group down during the delay")
    void perChildBackoffAndGroups() {
        Backoff slow = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), 1.0, 0.0, Duration.ofSeconds(30));
        Pid sup = startOnClock(flags(Strategy.REST_FOR_ONE).withBackoff(backoff),
                child("db").withBackoff(slow), child("mailer"));
        Pid mailer = pidOf(sup, "mailer");
        runtime.exit(pidOf(sup, "db"), ExitReason.KILL);
        await().until(() -> statusOf(sup, "mailer") == ChildStatus.RESTARTING);
        assertThat(runtime.isAlive(mailer)).isFalse();
        assertThat(clock.onlyPendingDelay()).isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        awaitNewPid(sup, "mailer", mailer);
        assertThat(statusOf(sup, "db")).isEqualTo(ChildStatus.RUNNING);
    }
}
