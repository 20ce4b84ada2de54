package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.supervisor.SupervisorException.Problem;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A supervisor answers every admin call with an {@link AdminReply}: refusals and invalid calls are
 * values, and only the caller's side turns them into exceptions.
 */
class AdminRepliesTest extends SupervisorTestBase {

    private AdminReply reply(Pid sup, AdminRequest request) {
        return runtime.call(sup, request, Duration.ofSeconds(5));
    }

    /** The supervisor replies {@code Refused(problem, child)}; the API throws a SupervisorException with that problem. */
    private void refused(Pid sup, AdminRequest request, ThrowingCallable viaApi, Problem problem, Object child) {
        assertThat(reply(sup, request)).isEqualTo(new AdminReply.Refused(problem, child));
        assertThatThrownBy(viaApi).isInstanceOfSatisfying(SupervisorException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).contains(String.valueOf(problem == Problem.MAX_CHILDREN ? "maximum" : child));
        });
    }

    @Test
    void everyRefusalIsAReplyThatTheCallerThrowsAsASupervisorExceptionWithItsProblem() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("running"), child("stopped"));
        Supervisor.terminateChild(runtime, sup, "stopped");

        refused(sup, new AdminRequest.DeleteChild("running"),
                () -> Supervisor.deleteChild(runtime, sup, "running"), Problem.RUNNING, "running");
        refused(sup, new AdminRequest.RestartChild("nope"),
                () -> Supervisor.restartChild(runtime, sup, "nope"), Problem.NOT_FOUND, "nope");
        refused(sup, new AdminRequest.StartChild(child("stopped"), List.of()),
                () -> Supervisor.startChild(runtime, sup, child("stopped")), Problem.ALREADY_PRESENT, "stopped");
        assertThat(runtime.isAlive(sup)).isTrue();
    }

    @Test
    void aChildWaitingOutItsBackoffIsRefusedAsRestarting() {
        ManualClock clock = new ManualClock();
        Backoff slow = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0, 0.0, Duration.ofMinutes(1));
        Pid sup = Supervisor.start(runtime, () -> Init.ok(SupervisorSpec.of(flags(Strategy.ONE_FOR_ONE),
                child("c").withBackoff(slow))), StartOptions.DEFAULT, clock).orThrow();
        runtime.exit(pidOf(sup, "c"), ExitReason.KILL);
        await().until(() -> statusOf(sup, "c") == ChildStatus.RESTARTING);

        refused(sup, new AdminRequest.RestartChild("c"),
                () -> Supervisor.restartChild(runtime, sup, "c"), Problem.RESTARTING, "c");
    }

    @Test
    void aFullDynamicSupervisorRefusesWithMaxChildren() {
        Pid sup = DynamicSupervisor.start(runtime, DynamicSupervisorSpec.DEFAULT.withMaxChildren(1), StartOptions.DEFAULT)
                .orThrow();
        Pid only = DynamicSupervisor.startChild(runtime, sup, child("one")).orThrow();

        refused(sup, new AdminRequest.StartChild(child("two"), List.of()),
                () -> DynamicSupervisor.startChild(runtime, sup, child("two")), Problem.MAX_CHILDREN, "two");
        refused(sup, new AdminRequest.TerminateChild(sup),
                () -> DynamicSupervisor.terminateChild(runtime, sup, sup), Problem.NOT_FOUND, sup);
        assertThat(runtime.isAlive(only)).isTrue();
    }

    @Test
    void anInvalidCallIsAReplyThatTheCallerThrowsAsAnIllegalArgumentException() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE));
        ChildSpec significant = child("s").withRestart(Restart.TRANSIENT).withSignificant(true);

        assertThat(reply(sup, new AdminRequest.StartChild(significant, List.of())))
                .isInstanceOfSatisfying(AdminReply.Invalid.class,
                        invalid -> assertThat(invalid.message()).contains("autoShutdown is never"));
        assertThatThrownBy(() -> Supervisor.startChild(runtime, sup, significant))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("autoShutdown is never");
        assertThat(runtime.call(sup, "hello", Duration.ofSeconds(5)))
                .isEqualTo(new AdminReply.Invalid("a supervisor does not understand the call hello"));
        assertThat(runtime.isAlive(sup)).isTrue();
    }

    @Test
    void answersAreValuesAndDoneIsNothing() {
        Pid sup = start(flags(Strategy.ONE_FOR_ONE), child("c"));
        assertThat(reply(sup, new AdminRequest.CountChildren())).isEqualTo(new AdminReply.Value(new ChildCounts(1, 1, 0, 1)));
        assertThat(reply(sup, new AdminRequest.TerminateChild("c"))).isEqualTo(AdminReply.DONE);
        assertThat(Supervisor.ask(runtime, sup, new AdminRequest.DeleteChild("c"))).isNull();
    }
}
