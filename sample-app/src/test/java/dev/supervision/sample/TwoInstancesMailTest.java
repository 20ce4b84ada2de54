package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two sample-app JVMs on one PostgreSQL, both running their mailer (without the cluster, so no singleton), under
 * writers that post to both: each note is mailed once, and when one instance is killed with kill -9 the
 * other mails what is left, none twice but for the one note the killed mailer may have had in hand, which
 * goes again under its Message-ID. The fast variant of {@code TwoInstancesMailDrillsTest}.
 */
class TwoInstancesMailTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @Test
    void bothMailersMailEachNoteOnceAndTheSurvivorOfAKillMailsTheRest() throws Exception {
        try (SampleInstances instances = SampleInstances.onPostgres(MailDrill.quickMailer(LEASE))) {
            SampleInstance a = instances.start("notes-a");
            instances.start("notes-b");

            MailReport both = new MailDrill("fast: two instances, both mailing", instances, LEASE)
                    .run(Duration.ofSeconds(3), MailDrill.NONE, Duration.ZERO)
                    .printAndAssert(0);
            assertThat(both.perInstance()).as("both mailers mailed").containsOnlyKeys("notes-a", "notes-b");

            MailDrill kill = new MailDrill("fast: kill -9 of one instance mid-run, mid-batch", instances, LEASE);
            MailReport killed = kill.run(Duration.ofSeconds(2), kill.killWhileHoldingClaims(a), Duration.ofSeconds(2))
                    .printAndAssert(1);
            assertThat(a.alive()).isFalse();
            assertThat(killed.claimsTakenOver()).as("the survivor took the killed one's claims over").isPositive();
            assertThat(killed.leftAtFault()).as("the survivor mailed what was left at the kill").isPositive();
        }
    }
}
