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
import dev.supervision.process.CallException;
import dev.supervision.process.Cast;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ServerExitException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A cluster singleton on three member JVMs, started at once (so which one is oldest is found out from
 * where the singleton starts), with the policy "at least 2 of the 3 hosts" (a majority). This JVM's node
 * hosts none and collects what every instance tells it when it starts and stops.
 */
class ClusterSingletonIT {

    private static final List<String> NAMES = List.of("user1@localhost", "user2@localhost", "user3@localhost");
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** What the instances told the collector, in arrival order. */
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Test
    void oneInstanceThatFailsOverRestartsInPlaceIgnoresARejoinAndIsHandedOver() {
        try (TestCluster cluster = new TestCluster(NAMES)) {
            ProcessRuntime runtime = cluster.runtime();
            List<Member> members = startHosting(cluster);

            // exactly one runs, on the oldest member, and every member knows where
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> started().size() == 1);
            String first = started().getFirst().node();
            for (Member member : members) {
                await().atMost(WAIT).until(() -> ownerSeenBy(member).equals(first));
            }
            assertThat(whereIs(runtime, first)).isEqualTo(first);
            awaitGlobalNameOn(runtime, first);

            // a crash of the instance reaches the manager's supervisor, which restarts it in place
            assertThatThrownBy(() -> runtime.call(ProcessRef.named(Ticket.NAME, first), new Messages.Crash(), WAIT))
                    .isInstanceOf(ServerExitException.class);
            await().atMost(WAIT).until(() -> started().size() == 2);
            assertThat(started().get(1).node()).isEqualTo(first);
            assertThat(started().get(1).pid()).isNotEqualTo(started().get(0).pid());
            assertThat(stopped()).singleElement().satisfies(stop -> assertThat(stop.reason()).contains("crash requested"));

            // kill -9 of the owner: one survivor starts it, once
            long killedAt = System.currentTimeMillis();
            named(members, first).kill9();
            await().atMost(WAIT).until(() -> started().size() == 3);
            String second = started().get(2).node();
            long startedAfter = started().get(2).micros() / 1000 - killedAt;
            await().atMost(WAIT).ignoreExceptionsInstanceOf(CallException.class).until(() -> whereIs(runtime, second).equals(second));
            long answersAfter = System.currentTimeMillis() - killedAt;
            System.out.println("singleton failover after kill -9: started on " + second + " after " + startedAfter
                    + " ms, answered a call after " + answersAfter + " ms");
            assertThat(second).isNotEqualTo(first);
            awaitGlobalNameOn(runtime, second); // the dead instance's name went with its node
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> started().size() == 3);
            assertThatThrownBy(() -> runtime.call(ProcessRef.named(Ticket.NAME, first), new Messages.WhereAreYou(), WAIT))
                    .isInstanceOf(CallException.class);

            // the killed member comes back (new JVM, same name): it is the youngest and starts none
            Member rejoined = cluster.startMember(first);
            hostSingleton(rejoined);
            await().atMost(WAIT).until(() -> ownerSeenBy(rejoined).equals(second)); // once its probes are answered
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() -> started().size() == 3);

            // graceful close of the owner: stopped there first, then started on the third member at once
            String third = NAMES.stream().filter(name -> !name.equals(first) && !name.equals(second)).findFirst().orElseThrow();
            Member leaving = named(members, second);
            leaving.command("close");
            leaving.awaitLine(line -> line.startsWith("CLOSED "), WAIT);
            await().atMost(WAIT).until(() -> started().size() == 4);
            SingletonStarted successor = started().get(3);
            assertThat(successor.node()).isEqualTo(third);
            await().atMost(WAIT).until(() -> stopped().size() == 2);
            SingletonStopped handedOver = stopped().get(1);
            assertThat(handedOver.node()).isEqualTo(second);
            assertThat(handedOver.micros()).isLessThanOrEqualTo(successor.micros());
            System.out.println("singleton hand-over on close: stopped on " + second + ", started on " + third + " "
                    + (successor.micros() - handedOver.micros()) / 1000.0 + " ms later");
            assertThat(whereIs(runtime, third)).isEqualTo(third);
            awaitGlobalNameOn(runtime, third);
            await().atMost(WAIT).until(() -> ownerSeenBy(rejoined).equals(third));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> started().size() == 4);
        }
    }

    @Test
    void aHungOwnerIsReplacedAndStopsItsOwnInstanceWhenItResumesWithoutTakingItBack() {
        try (TestCluster cluster = new TestCluster(NAMES)) {
            ProcessRuntime runtime = cluster.runtime();
            List<Member> members = startHosting(cluster);
            String first = started().getFirst().node();
            Member hung = named(members, first);

            // SIGSTOP: the majority side (the other two) starts its own once it sees the owner down
            long stoppedAt = System.currentTimeMillis();
            hung.stop();
            await().atMost(WAIT).until(() -> started().size() == 2);
            String second = started().get(1).node();
            assertThat(second).isNotEqualTo(first);
            System.out.println("singleton after SIGSTOP of its node: started on " + second + " after "
                    + (started().get(1).micros() / 1000 - stoppedAt) + " ms");

            // SIGCONT: the resumed owner, a minority of one once its view merges, stops its instance and
            // never takes the singleton back
            long resumedAt = System.currentTimeMillis();
            hung.resume();
            String stop = hung.awaitLine(line -> line.startsWith("TICKET stopped "), Duration.ofSeconds(40));
            System.out.println("after SIGCONT, " + first + " stopped its instance after "
                    + (Long.parseLong(stop.split(" ")[3]) / 1000 - resumedAt) + " ms");
            await().atMost(Duration.ofSeconds(40)).until(() -> ownerSeenBy(hung).equals(second));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> started().size() == 2
                    && hung.stdout().stream().filter(line -> line.startsWith("TICKET started ")).count() == 1);
            assertThat(whereIs(runtime, second)).isEqualTo(second);
        }
    }

    /** Starts the collector and the members, makes each host the singleton, waits for its first instance. */
    private List<Member> startHosting(TestCluster cluster) {
        collect(cluster.runtime());
        // one after the other, and hosting in that order, so the oldest node hosts first: a more senior
        // host that appears later would (rightly) take the singleton over, which is not what is tested here
        List<Member> members = NAMES.stream().map(cluster::startMember).toList();
        members.forEach(ClusterSingletonIT::hostSingleton);
        await().atMost(WAIT).until(() -> started().size() == 1);
        return members;
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

    private static Member named(List<Member> members, String name) {
        return members.stream().filter(member -> member.name().equals(name)).findFirst().orElseThrow();
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

    /** The singleton's global name reaches the instance on {@code node} (it registers it once it runs). */
    private static void awaitGlobalNameOn(ProcessRuntime runtime, String node) {
        await().atMost(WAIT).ignoreExceptionsInstanceOf(CallException.class).until(() -> runtime.call(
                ProcessRef.global(Ticket.NAME), new Messages.WhereAreYou(), Duration.ofSeconds(5)).equals(node));
    }

    private static String whereIs(ProcessRuntime runtime, String node) {
        return runtime.call(ProcessRef.named(Ticket.NAME, node), new Messages.WhereAreYou(), Duration.ofSeconds(5));
    }
}
