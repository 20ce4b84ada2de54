package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two sample-app JVMs on one PostgreSQL that form a cluster on loopback, as {@code bin/sample-two-instances}
 * runs them: the mailer is a cluster singleton (oldest-per-side), so while both are up only the first
 * instance mails, notes written to either; when it is killed with kill -9 the other starts the mailer
 * and mails the rest, none lost, none twice but for the one note the killed mailer may have had in hand
 * (a flagged re-send under its Message-ID, as without the cluster).
 */
class TwoInstancesSingletonMailTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @Test
    void onlyTheSingletonMailsAndAfterItsKillTheOtherMailsTheRest() throws Exception {
        ClusterNodes cluster = new ClusterNodes("notes-a", "notes-b");
        try (SampleInstances instances = SampleInstances.onPostgres("notes.mailer.interval=200ms",
                "notes.mailer.batch=10", "notes.mailer.lease=" + LEASE.toMillis() + "ms")) {
            SampleInstance a = instances.start("notes-a", cluster.properties("notes-a"));
            SampleInstance b = instances.start("notes-b", cluster.properties("notes-b"));
            await("notes-a sees notes-b").atMost(Duration.ofSeconds(30))
                    .until(() -> a.http().get("/actuator/health/cluster").body().contains(ClusterNodes.node("notes-b")));

            MailReport both = new MailDrill("fast: two instances in a cluster, the mailer a singleton", instances, LEASE)
                    .run(Duration.ofSeconds(3), MailDrill.NONE, Duration.ZERO)
                    .printAndAssert(0);
            assertThat(both.perInstance()).as("only the singleton mailed").containsOnlyKeys("notes-a");

            MailDrill kill = new MailDrill("fast: kill -9 of the singleton's instance mid-batch", instances, LEASE);
            MailReport killed = kill.run(Duration.ofSeconds(2), kill.killWhileHoldingClaims(a), Duration.ofSeconds(2))
                    .printAndAssert(1);
            assertThat(a.alive()).isFalse();
            assertThat(b.alive()).isTrue();
            assertThat(killed.perInstance()).as("the survivor started the mailer").containsKey("notes-b");
            assertThat(killed.leftAtFault()).as("the survivor mailed what was left at the kill").isPositive();
            assertThat(b.lines()).anyMatch(line -> line.text().contains("singleton 'mailer' started here"));
        }
    }
}
