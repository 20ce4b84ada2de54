package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
        try (SampleInstances instances = SampleInstances.onPostgres(MailDrill.quickMailer(LEASE))) {
            List<SampleInstance> cluster = ClusterNodes.startCluster(instances, "notes-a", "notes-b");
            SampleInstance a = cluster.getFirst();
            SampleInstance b = cluster.getLast();

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
