package dev.supervision.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.Result;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import dev.supervision.process.Request;
import dev.supervision.supervisor.Backoff;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Strategy;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's code snippets of the core, as they are printed there (only the assertions are
 * added), so that they keep compiling and doing what the README says.
 */
class ReadmeExamplesTest {

    record Increment(int by) {}
    record Get() implements Request<Integer> {}

    static final class Counter implements GenServerBehaviour<Integer> {
        public Init<Integer> init(Object arg) { return Init.ok(0); }

        public CallResult<Integer> handleCall(Object request, ReplyTo from, Integer count) {
            return switch (request) {
                case Get get -> new Reply<>(count, count);
                default -> new Reply<>("unknown request", count);
            };
        }

        public Result<Integer> handleCast(Object message, Integer count) {
            return message instanceof Increment(int by) ? new NoReply<>(count + by) : new NoReply<>(count);
        }
    }

    /** Stands in for the sample app's connector in the supervision-tree snippet. */
    static final class DbConnector implements GenServerBehaviour<String> {
        public Init<String> init(Object arg) { return Init.ok("connected"); }
    }

    /** Stands in for the sample app's mailer in the supervision-tree snippet. */
    static final class Mailer implements GenServerBehaviour<String> {
        public Init<String> init(Object arg) { return Init.ok("idle"); }
    }

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void processesAndGenServers() throws Exception {
        GenServers.start(runtime, new Counter(), null, StartOptions.named("counter")).orThrow();
        ProcessName counter = ProcessRef.named("counter");   // whoever holds the name when a message is sent
        runtime.cast(counter, new Increment(2));
        int count = runtime.call(counter, new Get());        // 2; waits 5 s at most by default
        CompletableFuture<Integer> later = runtime.callAsync(counter, new Get(), Duration.ofSeconds(1));

        assertThat(count).isEqualTo(2);
        assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void registerFindKill() {
        Pid pid = runtime.spawn(() -> runtime.receive());       // a process that owns its virtual thread
        runtime.register("dbconnector", pid);
        Optional<Pid> found = runtime.whereis("dbconnector");  // Optional[<0.1.0>]
        runtime.exit(runtime.whereis("dbconnector").orElseThrow(), ExitReason.KILL);
        Optional<Pid> gone = runtime.whereis("dbconnector");   // Optional.empty: the name was freed first
        boolean alive = runtime.isAlive(pid);                  // false

        assertThat(found).contains(pid);
        assertThat(gone).isEmpty();
        assertThat(alive).isFalse();
    }

    @Test
    void theSeedDrill() {
        SupervisorSpec spec = SupervisorSpec.of(
                SupervisorFlags.of(Strategy.REST_FOR_ONE).withIntensity(3, Duration.ofSeconds(5)),
                ChildSpec.worker("db", "dbconnector", DbConnector::new, null)          // registered as dbconnector
                         .withBackoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10))),
                ChildSpec.worker("mailer", Mailer::new, null));
        Supervisor.start(runtime, spec, StartOptions.named("app")).orThrow();

        Pid before = runtime.whereis("dbconnector").orElseThrow();
        runtime.exit(before, ExitReason.KILL);
        // moments later: the same name, a new pid, a fresh DbConnector from init; the mailer restarted too
        await().atMost(Duration.ofSeconds(5))
                .until(() -> runtime.whereis("dbconnector").filter(pid -> !pid.equals(before)).isPresent());
        Pid after = runtime.whereis("dbconnector").orElseThrow();

        assertThat(after).isNotEqualTo(before);
    }
}
