package dev.supervision.supervisor;

import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.StartOptions;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.testing.Probe;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

/** A runtime per test, a journaling child control, and the waits supervisor tests need. */
abstract class SupervisorTestBase {

    static {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
        Awaitility.setDefaultTimeout(Duration.ofSeconds(10));
    }

    final ProcessRuntime runtime = ProcessRuntime.create();
    final TestChild.Control control = TestChild.control();

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    List<String> journal() {
        return control.journal;
    }

    ChildSpec child(String id) {
        return TestChild.spec(id, control);
    }

    Pid start(SupervisorSpec spec) {
        return Supervisor.start(runtime, spec, StartOptions.DEFAULT).orThrow();
    }

    Pid start(SupervisorFlags flags, ChildSpec... children) {
        return start(SupervisorSpec.of(flags, children));
    }

    /** The pid of child {@code id}, or null when it has none. */
    Pid pidOf(Pid sup, String id) {
        return Supervisor.whichChildren(runtime, sup).stream()
                .filter(child -> id.equals(child.id())).findFirst().map(ChildInfo::pid).orElse(null);
    }

    ChildStatus statusOf(Pid sup, String id) {
        return Supervisor.whichChildren(runtime, sup).stream()
                .filter(child -> id.equals(child.id())).findFirst().map(ChildInfo::status).orElse(null);
    }

    /** Waits until child {@code id} runs with a pid other than {@code old}. */
    Pid awaitNewPid(Pid sup, String id, Pid old) {
        return await().until(() -> pidOf(sup, id), pid -> pid != null && !pid.equals(old));
    }

    /** Makes a child exit with {@code reason}, as its own code would. */
    void exit(Pid child, ExitReason reason) {
        runtime.cast(child, new TestChild.ExitWith(reason));
    }

    /** Watches {@code pid} from now on; {@link #reasonOf} then tells why it ended. */
    Probe watch(Pid pid) {
        Probe watcher = Probe.spawn(runtime);
        watcher.monitor(pid);
        return watcher;
    }

    /** Why the process a watcher watches ended, waiting for it. */
    static ExitReason reasonOf(Probe watcher) {
        return watcher.next(DownMessage.class).reason();
    }

    /** Waits for {@code pid} to end (it must be alive now) and returns why. */
    ExitReason awaitExit(Pid pid) {
        return runtime.internals().awaitExit(pid, Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError(pid + " did not exit"));
    }

    /** Flags with a generous intensity, so restarts never make the supervisor give up. */
    static SupervisorFlags flags(Strategy strategy) {
        return SupervisorFlags.of(strategy).withIntensity(100, Duration.ofSeconds(60));
    }
}
