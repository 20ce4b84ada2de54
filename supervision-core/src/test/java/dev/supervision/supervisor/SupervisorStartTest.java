package dev.supervision.supervisor;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.testing.Probe;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Supervisor start and configuration. */
class SupervisorStartTest extends SupervisorTestBase {

    @Test
    @DisplayName("1: a supervisor with no children starts linked to its caller and ends with shutdown")
    void item01_emptySupervisor() {
        Probe parent = Probe.trapping(runtime);
        Pid sup = parent.exec(() -> Supervisor.startLink(runtime,
                SupervisorSpec.of(SupervisorFlags.DEFAULT), StartOptions.DEFAULT).orThrow());
        assertThat(runtime.info(sup).orElseThrow().links()).containsExactly(parent.pid());
        runtime.exit(sup, ExitReason.SHUTDOWN); // from a process that is not its parent: ignored
        assertThat(Supervisor.countChildren(runtime, sup).specs()).isZero();
        Probe watcher = watch(sup);
        parent.run(() -> runtime.exit(sup, ExitReason.SHUTDOWN));
        assertThat(reasonOf(watcher)).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    @DisplayName("2: init returning ignore gives Ignored; the process exits normal")
    void item02_ignore() {
        assertThat(Supervisor.start(runtime, Init::ignore, StartOptions.DEFAULT)).isEqualTo(new StartResult.Ignored());
        assertThat(runtime.processCount()).isZero();
    }

    @Test
    @DisplayName("3: init returning garbage or throwing fails the start with that error")
    void item03_badInit() {
        assertThat(Supervisor.start(runtime, () -> null, StartOptions.DEFAULT))
                .isInstanceOfSatisfying(StartResult.Failed.class, failed ->
                        assertThat(failed.reason().toString()).contains("must return Init.ok"));
        assertThat(Supervisor.start(runtime, () -> {
            throw new IllegalStateException("config missing");
        }, StartOptions.DEFAULT)).isInstanceOfSatisfying(StartResult.Failed.class, failed ->
                assertThat(failed.reason().toString()).contains("config missing"));
        assertThat(Supervisor.start(runtime, () -> Init.stop(ExitReason.of("no")), StartOptions.DEFAULT))
                .isEqualTo(new StartResult.Failed(ExitReason.of("no")));
    }

    @Test
    @DisplayName("4: invalid flags are refused, naming the flag and the value")
    void item04_invalidFlags() {
        assertThatThrownBy(() -> SupervisorFlags.DEFAULT.withIntensity(-1, Duration.ofSeconds(5)))
                .hasMessageContaining("'intensity'").hasMessageContaining("-1");
        assertThatThrownBy(() -> SupervisorFlags.DEFAULT.withIntensity(1, Duration.ZERO))
                .hasMessageContaining("'period'").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> SupervisorFlags.DEFAULT.withIntensity(1, ProcessRuntime.INFINITY))
                .hasMessageContaining("'period'");
        assertThatThrownBy(() -> SupervisorFlags.DEFAULT.withIntensity(1, Duration.ofMillis(1500)))
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> SupervisorFlags.of(null)).hasMessageContaining("'strategy'");
        assertThatThrownBy(() -> SupervisorFlags.DEFAULT.withAutoShutdown(null)).hasMessageContaining("'autoShutdown'");
    }

    @Test
    @DisplayName("4: flags built in the supervisor's init fail the start with the validation message")
    void item04_invalidFlagsAtStart() {
        StartResult result = Supervisor.start(runtime,
                () -> Init.ok(SupervisorSpec.of(SupervisorFlags.DEFAULT.withIntensity(-2, Duration.ofSeconds(5)))),
                StartOptions.DEFAULT);
        assertThat(result).isInstanceOfSatisfying(StartResult.Failed.class, failed ->
                assertThat(failed.reason().toString()).contains("'intensity' must be 0 or more, got -2"));
    }

    @Test
    @DisplayName("5: a spec with only id and start gets OTP's defaults")
    void item05_specDefaults() {
        ChildSpec worker = ChildSpec.of("w", args -> new StartResult.Ignored());
        assertThat(worker.restart()).isEqualTo(Restart.PERMANENT);
        assertThat(worker.shutdown()).isEqualTo(Shutdown.timeout(Duration.ofMillis(5000)));
        assertThat(worker.type()).isEqualTo(ChildType.WORKER);
        assertThat(worker.significant()).isFalse();
        assertThat(worker.backoff()).isNull();
        assertThat(worker.withType(ChildType.SUPERVISOR).shutdown()).isEqualTo(Shutdown.INFINITY);
        Pid sup = start(SupervisorFlags.DEFAULT, worker);
        assertThat(Supervisor.getChildSpec(runtime, sup, "w")).contains(worker);
        assertThat(Supervisor.getChildSpec(runtime, sup, "other")).isEmpty();
    }

    @Test
    @DisplayName("6: bad child specs are refused with the field and value; duplicate ids too")
    void item06_badSpecs() {
        assertThatThrownBy(() -> ChildSpec.of(" ", args -> null)).hasMessageContaining("'id'");
        assertThatThrownBy(() -> ChildSpec.of("a", null)).hasMessageContaining("'start' is required");
        assertThatThrownBy(() -> child("a").withRestart(null)).hasMessageContaining("'restart' is required");
        assertThatThrownBy(() -> Shutdown.timeout(Duration.ofMillis(-10)))
                .hasMessageContaining("'shutdown'").hasMessageContaining("-0.01");
        assertThatThrownBy(() -> child("a").withType(null)).hasMessageContaining("'type' is required");
        assertThatThrownBy(() -> child("a").withSignificant(true))
                .hasMessageContaining("significant=true needs restart transient or temporary, got permanent");
        assertThatThrownBy(() -> SupervisorSpec.of(SupervisorFlags.DEFAULT, child("a"), child("a")))
                .hasMessageContaining("duplicate child id 'a'");
    }

    @Test
    @DisplayName("7: children start in list order and start returns only after all have started")
    void item07_startOrder() {
        start(flags(Strategy.ONE_FOR_ONE), child("a"), child("b"), child("c"));
        assertThat(journal()).containsExactly("start a", "start b", "start c");
    }

    @Test
    @DisplayName("8: the 3rd of 4 children fails: the first two stop in reverse with shutdown, the 4th never starts, no retry")
    void item08_failedStartAtInit() {
        control.trapExit = true;
        ChildSpec failing = ChildSpec.of("c", args -> new StartResult.Failed(ExitReason.of("broken")));
        StartResult result = Supervisor.start(runtime,
                SupervisorSpec.of(flags(Strategy.ONE_FOR_ONE), child("a"), child("b"), failing, child("d")),
                StartOptions.DEFAULT);
        assertThat(result).isEqualTo(new StartResult.Failed(
                ExitReason.shutdown(new FailedToStartChild("c", ExitReason.of("broken")))));
        assertThat(journal()).containsExactly(
                "start a", "start b", "terminate b shutdown", "terminate a shutdown");
        assertThat(runtime.processCount()).isZero();
    }

    @Test
    @DisplayName("9: a permanent child that ignores its start is kept with no pid; a temporary one is dropped")
    void item09_ignoredChild() {
        control.ignoredStarts.set(1);
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("ignored"), child("running"));
        assertThat(pidOf(sup, "ignored")).isNull();
        assertThat(Supervisor.countChildren(runtime, sup)).isEqualTo(new ChildCounts(2, 1, 0, 2));

        control.ignoredStarts.set(1);
        Pid other = start(flags(Strategy.ONE_FOR_ONE), child("temp").withRestart(Restart.TEMPORARY));
        assertThat(Supervisor.countChildren(runtime, other)).isEqualTo(new ChildCounts(0, 0, 0, 0));
    }

    @Test
    @DisplayName("10: the strategy is required; the other flags default to Erlang's 1 restart in 5 s, auto shutdown never")
    void item10_defaults() {
        assertThat(SupervisorFlags.DEFAULT).isEqualTo(new SupervisorFlags(
                Strategy.ONE_FOR_ONE, 1, Duration.ofSeconds(5), AutoShutdown.NEVER, null));
        assertThat(SupervisorFlags.of(Strategy.REST_FOR_ONE).intensity()).isEqualTo(1);
        assertThat(DynamicSupervisorSpec.DEFAULT.intensity()).isEqualTo(3);
        assertThatThrownBy(() -> new SupervisorFlags(null, 1, Duration.ofSeconds(5), AutoShutdown.NEVER, null))
                .hasMessageContaining("'strategy' is required");
    }

    @Test
    @DisplayName("a supervisor registered by name answers admin calls by name; a missing supervisor gives noproc")
    void namedSupervisor() {
        Supervisor.start(runtime, SupervisorSpec.of(SupervisorFlags.DEFAULT, child("a")), StartOptions.named("app"))
                .orThrow();
        assertThat(Supervisor.countChildren(runtime, ProcessRef.named("app")).active()).isEqualTo(1);
        assertThatThrownBy(() -> Supervisor.countChildren(runtime, ProcessRef.named("missing")))
                .isInstanceOf(dev.supervision.process.NoProcessException.class);
    }
}
