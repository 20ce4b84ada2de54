package dev.supervision.cluster.singleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.Messages;
import dev.supervision.cluster.harness.Messages.SingletonStarted;
import dev.supervision.cluster.harness.Messages.SingletonStopped;
import dev.supervision.cluster.harness.TestCluster;
import dev.supervision.cluster.harness.Ticket;
import dev.supervision.process.Cast;
import dev.supervision.process.CallException;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ServerExitException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A cluster singleton on three member JVMs (policy: at least 2 of the 3 hosts, a majority); this JVM's
 * node hosts none and collects what every instance tells it when it starts and stops.
 */
class ClusterSingletonIT {

    private static final String M1 = "user1@localhost";
    private static final String M2 = "user2@localhost";
    private static final String M3 = "user3@localhost";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** What the instances told the collector, in arrival order. */
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Test
    void oneInstanceThatFailsOverRestartsInPlaceIgnoresARejoinAndIsHandedOver() throws Exception {
        try (TestCluster cluster = new TestCluster(List.of(M1, M2, M3))) {
            ProcessRuntime runtime = cluster.runtime();
            collect(runtime);
            Member m1 = cluster.startMember(M1);
            Member m2 = cluster.startMember(M2);
            Member m3 = cluster.startMember(M3);
            for (Member member : List.of(m1, m2, m3)) {
                hostSingleton(member);
            }

            // exactly one runs, on the oldest member, and every member knows where
            await().atMost(WAIT).until(() -> started().size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> started().size() == 1);
            assertThat(started().getFirst().node()).isEqualTo(M1);
            for (Member member : List.of(m1, m2, m3)) {
                await().atMost(WAIT).until(() -> ownerSeenBy(member).equals(M1));
            }
            assertThat(whereIs(runtime, M1)).isEqualTo(M1);

            // a crash of the instance reaches the manager's supervisor, which restarts it in place
            assertThatThrownBy(() -> runtime.call(ProcessRef.named(Ticket.NAME, M1), new Messages.Crash(), WAIT))
                    .isInstanceOf(ServerExitException.class);
            await().atMost(WAIT).until(() -> started().size() == 2);
            assertThat(started().get(1).node()).isEqualTo(M1);
            assertThat(started().get(1).pid()).isNotEqualTo(started().get(0).pid());
            assertThat(stopped()).singleElement().satisfies(stop -> assertThat(stop.reason()).contains("crash requested"));

            // kill -9 of the owner: the next oldest starts it, once
            long killedAt = System.currentTimeMillis();
            m1.kill9();
            await().atMost(WAIT).until(() -> started().size() == 3);
            long startedAfter = started().get(2).micros() / 1000 - killedAt;
            await().atMost(WAIT).ignoreExceptionsInstanceOf(CallException.class).until(() -> whereIs(runtime, M2).equals(M2));
            long answersAfter = System.currentTimeMillis() - killedAt;
            System.out.println("singleton failover after kill -9: started on " + M2 + " after " + startedAfter
                    + " ms, answered a call after " + answersAfter + " ms");
            assertThat(started().get(2).node()).isEqualTo(M2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> started().size() == 3);
            assertThatThrownBy(() -> runtime.call(ProcessRef.named(Ticket.NAME, M1), new Messages.WhereAreYou(), WAIT))
                    .isInstanceOf(CallException.class);

            // the killed member comes back (new JVM, same name): it is the youngest and starts none
            Member m1Again = cluster.startMember(M1);
            hostSingleton(m1Again);
            await().atMost(WAIT).until(() -> ownerSeenBy(m1Again).equals(M2)); // once its probes are answered
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() -> started().size() == 3);

            // graceful close of the owner: stopped there first, then started on the next, at once
            m2.command("leave");
            m2.awaitLine(line -> line.startsWith("LEFT "), WAIT);
            await().atMost(WAIT).until(() -> started().size() == 4);
            SingletonStarted successor = started().get(3);
            assertThat(successor.node()).isEqualTo(M3);
            await().atMost(WAIT).until(() -> stopped().size() == 2);
            SingletonStopped handedOver = stopped().get(1);
            assertThat(handedOver.node()).isEqualTo(M2);
            assertThat(handedOver.micros()).isLessThanOrEqualTo(successor.micros());
            System.out.println("singleton hand-over on close: stopped on " + M2 + ", started on " + M3 + " "
                    + (successor.micros() - handedOver.micros()) / 1000.0 + " ms later");
            assertThat(whereIs(runtime, M3)).isEqualTo(M3);
            await().atMost(WAIT).until(() -> ownerSeenBy(m1Again).equals(M3));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> started().size() == 4);
        }
    }

    @Test
    void aHungOwnerIsReplacedAndStopsItsOwnInstanceWhenItResumesWithoutTakingItBack() {
        try (TestCluster cluster = new TestCluster(List.of(M1, M2, M3))) {
            ProcessRuntime runtime = cluster.runtime();
            collect(runtime);
            Member m1 = cluster.startMember(M1);
            Member m2 = cluster.startMember(M2);
            Member m3 = cluster.startMember(M3);
            for (Member member : List.of(m1, m2, m3)) {
                hostSingleton(member);
            }
            await().atMost(WAIT).until(() -> started().size() == 1);
            assertThat(started().getFirst().node()).isEqualTo(M1);

            // SIGSTOP: the majority side (user2, user3) starts its own once it sees user1 down
            long stoppedAt = System.currentTimeMillis();
            m1.stop();
            await().atMost(WAIT).until(() -> started().size() == 2);
            assertThat(started().get(1).node()).isEqualTo(M2);
            System.out.println("singleton after SIGSTOP of its node: started on " + M2 + " after "
                    + (started().get(1).micros() / 1000 - stoppedAt) + " ms");

            // SIGCONT: user1, a minority of one once its view merges, stops its instance and never takes it back
            long resumedAt = System.currentTimeMillis();
            m1.resume();
            String stop = m1.awaitLine(line -> line.startsWith("TICKET stopped "), Duration.ofSeconds(40));
            System.out.println("after SIGCONT, user1 stopped its instance after "
                    + (Long.parseLong(stop.split(" ")[3]) / 1000 - resumedAt) + " ms");
            await().atMost(Duration.ofSeconds(40)).until(() -> ownerSeenBy(m1).equals(M2));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> started().size() == 2
                    && m1.stdout().stream().filter(line -> line.startsWith("TICKET started ")).count() == 1);
            assertThat(whereIs(runtime, M2)).isEqualTo(M2);
        }
    }

    private void collect(ProcessRuntime runtime) {
        runtime.spawn(() -> {
            runtime.register(Ticket.COLLECTOR, runtime.self());
            while (true) {
                if (runtime.receive() instanceof Cast cast) {
                    events.add(cast.message());
                }
            }
        });
    }

    private List<SingletonStarted> started() {
        return events.stream().filter(SingletonStarted.class::isInstance).map(SingletonStarted.class::cast).toList();
    }

    private List<SingletonStopped> stopped() {
        return events.stream().filter(SingletonStopped.class::isInstance).map(SingletonStopped.class::cast).toList();
    }

    private static void hostSingleton(Member member) {
        member.command("singleton 2 test@localhost");
        member.awaitLine(line -> line.equals("SINGLETON started"), WAIT);
    }

    /** Asks {@code member} where the singleton runs; returns the node or {@code none}. */
    private static String ownerSeenBy(Member member) {
        long before = owners(member);
        member.command("owner");
        await().atMost(WAIT).until(() -> owners(member) > before);
        return member.stdout().stream().filter(line -> line.startsWith("OWNER ")).reduce((a, b) -> b).orElseThrow()
                .substring("OWNER ".length());
    }

    private static long owners(Member member) {
        return member.stdout().stream().filter(line -> line.startsWith("OWNER ")).count();
    }

    private static String whereIs(ProcessRuntime runtime, String node) {
        return runtime.call(ProcessRef.named(Ticket.NAME, node), new Messages.WhereAreYou(), Duration.ofSeconds(5));
    }
}
