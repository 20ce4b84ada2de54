package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The mail drills on two sample-app JVMs sharing one PostgreSQL, both running their mailer (no cluster
 * singleton yet), under writers that post to both: a long run with both mailing, one instance frozen
 * (SIGSTOP) past its lease in the middle of a batch and then resumed, one killed with kill -9 in the
 * middle of a batch. Each prints and asserts its row of the table in {@code docs/drills.md} (also
 * appended to {@code target/drills-mail.md}). Tagged {@code drill}: run with {@code -Pdrills}.
 */
@Tag("drill")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesMailDrillsTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    private static SampleInstances instances;
    private static SampleInstance a;
    private static SampleInstance b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = SampleInstances.onPostgres(MailDrill.quickMailer(LEASE));
        a = instances.start("notes-a");
        b = instances.start("notes-b");
    }

    @AfterAll
    static void stopThem() {
        instances.close();
    }

    @Test
    @Order(1)
    void bothMailersUnderLoadMailEachNoteOnce() throws Exception {
        MailReport report = new MailDrill("two instances, both mailing, 15 s", instances, LEASE)
                .run(Duration.ofSeconds(15), MailDrill.NONE, Duration.ZERO)
                .printAndAssert(0);
        assertThat(report.perInstance()).as("both mailers mailed").containsOnlyKeys("notes-a", "notes-b");
    }

    @Test
    @Order(2)
    void anInstanceFrozenPastItsLeaseIsFencedOffWhenItResumes() throws Exception {
        MailDrill drill = new MailDrill("SIGSTOP of one instance mid-batch for 2 leases (4 s), then SIGCONT",
                instances, LEASE);
        MailReport report = drill.run(Duration.ofSeconds(5), drill.pauseWhileHoldingClaims(b, LEASE.multipliedBy(2)),
                Duration.ofSeconds(5)).printAndAssert(1);
        assertThat(report.claimsTakenOver()).as("the other took the frozen one's claims over").isPositive();
        assertThat(b.alive()).isTrue();
    }

    @Test
    @Order(3)
    void theSurvivorOfAKillMailsWhatIsLeft() throws Exception {
        MailDrill drill = new MailDrill("kill -9 of one instance mid-batch", instances, LEASE);
        MailReport report = drill.run(Duration.ofSeconds(5), drill.killWhileHoldingClaims(a), Duration.ofSeconds(5))
                .printAndAssert(1);
        assertThat(a.alive()).isFalse();
        assertThat(report.claimsTakenOver()).as("the survivor took the killed one's claims over").isPositive();
        assertThat(report.leftAtFault()).as("notes left at the kill, mailed by the survivor").isPositive();
    }
}
