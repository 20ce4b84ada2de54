package dev.supervision.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.Result;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import dev.supervision.process.Request;
import dev.supervision.supervisor.ChildSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's "Testing" example, as printed there. */
@ExtendWith(SupervisionExtension.class)
class ReadmeTestingExampleTest {

    record Increment(int by) {}
    record Get() implements Request<Integer> {}

    static final class Counter implements GenServerBehaviour<Integer> {
        public Init<Integer> init(Object arg) { return Init.ok(0); }

        public CallResult<Integer> handleCall(Object request, ReplyTo from, Integer count) {
            return new Reply<>(count, count);
        }

        public Result<Integer> handleCast(Object message, Integer count) {
            return message instanceof Increment(int by) ? new NoReply<>(count + by) : new NoReply<>(count);
        }
    }

    @Test
    void aKilledCounterComesBackEmpty(ProcessRuntime runtime, Supervised supervised) {
        supervised.start(ChildSpec.worker("counter", "counter", Counter::new, null));
        runtime.cast(ProcessRef.named("counter"), new Increment(2));
        assertThat(runtime.call(ProcessRef.named("counter"), new Get())).isEqualTo(2);

        TestProbe probe = TestProbe.spawn(runtime);
        Pid before = runtime.whereis("counter").orElseThrow();
        MonitorRef watch = probe.monitor(before);
        runtime.exit(before, ExitReason.KILL);
        assertThat(probe.expectDown(watch, Duration.ofSeconds(1)).reason()).isEqualTo(ExitReason.KILLED);

        Pid after = Restarts.awaitRestart(runtime, "counter", before, Duration.ofSeconds(1));
        assertThat(runtime.call(after, new Get())).isZero();   // init ran again: a fresh state
    }
}
