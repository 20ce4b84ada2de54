package dev.supervision.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ChildStatus#GAVE_UP}: the child after whose exit (or failed restart) the supervisor reached
 * its intensity shows it for as long as the supervisor's view is visible, while the others shut down.
 */
class GaveUpTest extends SupervisorTestBase {

    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A worker that traps exits and whose terminate waits for the test, so the shutdown can be watched. */
    private record SlowToStop(CountDownLatch stopping, CountDownLatch release) implements GenServerBehaviour<String> {
        @Override
        public Init<String> init(Object arg) {
            ProcessRuntime.current().trapExit(true);
            return Init.ok("slow");
        }

        @Override
        public void terminate(ExitReason reason, String state) throws InterruptedException {
            stopping.countDown();
            release.await();
        }
    }

    @AfterEach
    void releaseTheSlowChild() {
        release.countDown();
    }

    private ChildSpec slowToStop() {
        return ChildSpec.worker("slow", () -> new SlowToStop(stopping, release), null).withShutdown(Shutdown.INFINITY);
    }

    /** The supervisor's snapshot once it gave up and is waiting for the slow child to stop. */
    private SupervisorSnapshot whileShuttingDown(Pid sup) {
        await().until(() -> stopping.getCount() == 0);
        return Supervisor.snapshot(runtime, sup).orElseThrow();
    }

    @Test
    void theChildWhoseExitReachedTheIntensityShowsGaveUpWhileTheOthersShutDown() {
        Pid sup = start(SupervisorFlags.DEFAULT.withIntensity(0, Duration.ofSeconds(5)),
                slowToStop(), child("crashing"), child("quick"));
        runtime.exit(pidOf(sup, "crashing"), ExitReason.KILL);

        SupervisorSnapshot snapshot = whileShuttingDown(sup);
        assertThat(snapshot.gaveUp()).isTrue();
        ChildSnapshot crashing = snapshot.child("crashing").orElseThrow();
        assertThat(crashing.status()).isEqualTo(ChildStatus.GAVE_UP);
        assertThat(crashing.pid()).isNull();
        assertThat(crashing.lastExit().reason()).isEqualTo(ExitReason.KILLED);
        assertThat(snapshot.child("quick").orElseThrow().status()).isEqualTo(ChildStatus.STOPPED);
        assertThat(snapshot.child("slow").orElseThrow().status()).isEqualTo(ChildStatus.RUNNING);

        release.countDown();
        await().until(() -> Supervisor.snapshot(runtime, sup).isEmpty());
    }

    @Test
    void theChildWhoseFailedRestartReachedTheIntensityShowsGaveUp() {
        Pid sup = start(SupervisorFlags.DEFAULT.withIntensity(1, Duration.ofSeconds(5)), slowToStop(), child("failing"));
        control.alwaysFail.add("failing");
        runtime.exit(pidOf(sup, "failing"), ExitReason.KILL);

        SupervisorSnapshot snapshot = whileShuttingDown(sup);
        assertThat(snapshot.gaveUp()).isTrue();
        assertThat(snapshot.child("failing").orElseThrow().status()).isEqualTo(ChildStatus.GAVE_UP);
        assertThat(snapshot.child("slow").orElseThrow().status()).isEqualTo(ChildStatus.RUNNING);
    }

    @Test
    void aParentSeesTheGaveUpChildInsideItsChildSupervisor() {
        SupervisorSpec inner = SupervisorSpec.of(SupervisorFlags.DEFAULT.withIntensity(0, Duration.ofSeconds(5)),
                slowToStop(), TestChild.named("crashing", "crashing", control));
        Pid root = start(flags(Strategy.ONE_FOR_ONE), ChildSpec.supervisor("inner", inner));
        runtime.exit(runtime.whereis("crashing").orElseThrow(), ExitReason.KILL);

        SupervisorSnapshot snapshot = whileShuttingDown(root);
        SupervisorSnapshot innerView = snapshot.child("inner").orElseThrow().supervisor();
        assertThat(innerView.gaveUp()).isTrue();
        assertThat(innerView.child("crashing").orElseThrow().status()).isEqualTo(ChildStatus.GAVE_UP);
        assertThat(snapshot.gaveUp()).isFalse();
    }

    @Test
    void aDynamicSupervisorShowsGaveUpToo() {
        Pid sup = DynamicSupervisor.start(runtime, DynamicSupervisorSpec.DEFAULT.withIntensity(0, Duration.ofSeconds(5)),
                dev.supervision.genserver.StartOptions.DEFAULT).orThrow();
        DynamicSupervisor.startChild(runtime, sup, slowToStop()).orThrow();
        Pid crashing = DynamicSupervisor.startChild(runtime, sup, child("crashing")).orThrow();
        runtime.exit(crashing, ExitReason.KILL);

        SupervisorSnapshot snapshot = whileShuttingDown(sup);
        assertThat(snapshot.gaveUp()).isTrue();
        assertThat(snapshot.children()).extracting(ChildSnapshot::status)
                .containsExactly(ChildStatus.RUNNING, ChildStatus.GAVE_UP);
    }
}
