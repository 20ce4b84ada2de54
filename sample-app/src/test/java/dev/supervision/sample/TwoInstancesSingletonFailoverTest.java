package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.sample.cluster.MailerPlacement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The mailer as a cluster singleton (oldest-per-side) on two sample-app JVMs that form a cluster on
 * loopback over one PostgreSQL, under writers that post to both, meeting the faults a cluster singleton
 * is for: a graceful stop (SIGTERM) of the instance that runs it, and a partition (SIGSTOP of that
 * instance until the other has started its own mailer, then SIGCONT) that heals. Each asks both
 * instances where the mailer runs and who holds its global name ({@code GET /api/cluster/mailer}),
 * counts the mails per note in both instances' output ({@link MailReport}), and prints its row of
 * {@code docs/drills.md} (also appended to {@code target/drills-singleton.md}).
 */
class TwoInstancesSingletonFailoverTest {

    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final DrillTable TABLE = new DrillTable("drills-singleton.md",
            "| drill | mailer on | fault | the other's mailer started after the fault (s) | notes in hand at the fault"
            + " | after the heal: mailer on, global name on (as both instances see it) | the other's mailer stopped"
            + " after the SIGCONT (s) | and after its last merge (s) |\n|---|---|---|---:|---:|---|---:|---:|");

    @Test
    void aGracefulStopOfTheMailersInstanceMovesTheMailerAndEachNoteIsMailedOnce() throws Exception {
        try (SampleInstances instances = SampleInstances.onPostgres(MailDrill.quickMailer(LEASE))) {
            Settled cluster = Settled.start(instances);
            SampleInstance stopped = cluster.runsIt();
            SampleInstance survivor = cluster.other();
            AtomicReference<Instant> stopAt = new AtomicReference<>();

            MailReport report = new MailDrill("graceful stop (SIGTERM) of the mailer's instance", instances, LEASE)
                    .run(Duration.ofSeconds(3), () -> {
                        stopAt.set(Instant.now());
                        stopped.stopGracefully(Duration.ofSeconds(60));
                    }, Duration.ofSeconds(3))
                    .printAndAssert(0);
            Instant started = MailerWatch.awaitStarted(survivor, stopAt.get(), SETTLE);
            TABLE.add(row(report.drill(), cluster.owner(), "SIGTERM", MailerWatch.seconds(stopAt.get(), started), 0, "-", null, null));

            assertThat(stopped.alive()).isFalse();
            assertThat(MailerWatch.stopped(stopped, stopAt.get())).as(stopped.name() + " stopped its mailer").isPresent();
            assertThat(report.perInstance()).as("both mailed: the first until its stop, the other after")
                    .containsOnlyKeys(stopped.name(), survivor.name());
            assertThat(report.claimsTakenOver()).as("the stopped mailer finished its round: no claim was left to take over")
                    .isZero();
            String next = ClusterNodes.node(survivor.name());
            assertThat(survivor.http().mailerPlacement()).isEqualTo(new MailerPlacement(next, next, true, next));
        }
    }

    @Test
    void aPartitionThatHealsLeavesOneMailerThatBothInstancesAgreeOn() throws Exception {
        try (SampleInstances instances = SampleInstances.onPostgres(MailDrill.quickMailer(LEASE))) {
            Settled cluster = Settled.start(instances);
            SampleInstance frozen = cluster.runsIt();
            SampleInstance other = cluster.other();
            AtomicReference<Instant> pausedAt = new AtomicReference<>();
            AtomicReference<Instant> otherStarted = new AtomicReference<>();
            AtomicReference<Instant> resumedAt = new AtomicReference<>();
            AtomicInteger inHand = new AtomicInteger();

            MailDrill drill = new MailDrill("partition: SIGSTOP of the mailer's instance until the other runs the mailer,"
                    + " a lease more, then SIGCONT", instances, LEASE);
            MailReport report = drill.run(Duration.ofSeconds(2), () -> {
                drill.awaitBetweenRounds(frozen);
                frozen.pause();
                pausedAt.set(Instant.now());
                inHand.set(instances.notesInHand(frozen.name()));
                otherStarted.set(MailerWatch.awaitStarted(other, pausedAt.get(), SETTLE));
                String side = ClusterNodes.node(other.name());
                await(other.name() + " runs the mailer and holds its global name on its side").atMost(SETTLE)
                        .until(() -> other.http().mailerPlacement().equals(new MailerPlacement(side, side, true, side)));
                Thread.sleep(LEASE); // the other side mails alone for a lease: the frozen one's claims lapse
                frozen.resume();
                resumedAt.set(Instant.now());
            }, Duration.ofSeconds(3)).printAndAssert(inHand.get());
            String healed = MailerWatch.awaitSettled(cluster.both(), Duration.ofSeconds(3), SETTLE);
            Instant otherStopped = MailerWatch.stopped(other, resumedAt.get()).orElse(null);
            Instant lastMerge = otherStopped == null ? null
                    : MailerWatch.lastNodeUp(other, cluster.owner(), otherStopped).filter(up -> up.isAfter(resumedAt.get())).orElse(null);
            TABLE.add(row(report.drill(), cluster.owner(), "SIGSTOP, SIGCONT", MailerWatch.seconds(pausedAt.get(), otherStarted.get()),
                    inHand.get(), healed + ", " + healed, seconds(resumedAt.get(), otherStopped), seconds(lastMerge, otherStopped)));

            assertThat(inHand.get()).as("a mailer has at most one note in hand").isLessThanOrEqualTo(1);
            assertThat(report.perInstance()).as("each side mailed during the partition")
                    .containsOnlyKeys(frozen.name(), other.name());
            assertThat(healed).as("after the heal the senior node's mailer stays (oldest-per-side), and its global name")
                    .isEqualTo(cluster.owner());
            assertThat(otherStopped).as(other.name() + " stopped the mailer it ran during the partition").isNotNull();
            assertThat(other.lines()).as("the merge found the global name held on both sides; the junior's instance was told")
                    .anyMatch(line -> line.text().contains("lost the global name 'mailer' in a conflict"));
            assertThat(other.lines()).as("the junior's instance was not exited by the global-name conflict")
                    .noneMatch(line -> line.text().contains("{global_name_conflict,mailer}"));
            assertThat(frozen.alive()).isTrue();
        }
    }

    /**
     * Two clustered instances once both agree where the mailer runs.
     *
     * @param both notes-a and notes-b
     * @param owner the node that runs the mailer
     * @param runsIt its instance
     * @param other the other instance
     */
    private record Settled(List<SampleInstance> both, String owner, SampleInstance runsIt, SampleInstance other) {

        static Settled start(SampleInstances instances) {
            List<SampleInstance> both = ClusterNodes.startCluster(instances, "notes-a", "notes-b");
            String owner = MailerWatch.awaitSettled(both, Duration.ofSeconds(1), SETTLE);
            SampleInstance runsIt = MailerWatch.onNode(both, owner);
            return new Settled(both, owner, runsIt, both.stream().filter(instance -> instance != runsIt).findFirst().orElseThrow());
        }
    }

    private static String row(String drill, String owner, String fault, double startedAfter, int inHand, String healed,
            String otherStopped, String afterMerge) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %d | %s | %s | %s |", drill, owner, fault, startedAfter,
                inHand, healed, otherStopped == null ? "-" : otherStopped, afterMerge == null ? "-" : afterMerge);
    }

    /** {@code from} to {@code to} in seconds, or null when either is unknown. */
    private static String seconds(Instant from, Instant to) {
        return from == null || to == null ? null : String.format(Locale.ROOT, "%.1f", MailerWatch.seconds(from, to));
    }
}
