package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.harness.Member;
import dev.supervision.cluster.harness.TestCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A registration whose coordinator hangs while it waits: three member JVMs, this JVM's node leaves so
 * that the senior member, {@code user1}, coordinates claims; {@code user1} is stopped with
 * {@code kill -STOP} and {@code user2} registers at once, so its claim goes to the hung coordinator. The
 * claim is asked again until the view drops {@code user1}, then granted by the next senior node, and
 * after {@code kill -CONT} every node, the resumed coordinator included, agrees on the holder.
 */
class GlobalNameCoordinatorIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aClaimSentToAHungCoordinatorIsGrantedByTheNextOne() {
        try (TestCluster cluster = new TestCluster(List.of("user1@localhost", "user2@localhost", "user3@localhost"))) {
            Member user1 = cluster.startMember("user1@localhost");
            Member user2 = cluster.startMember("user2@localhost");
            Member user3 = cluster.startMember("user3@localhost");
            cluster.node().close();
            await().atMost(WAIT).until(() -> {
                user2.command("nodes");
                return user2.find(line -> line.equals("NODES [user1@localhost, user3@localhost]")).isPresent();
            });

            user1.stop();
            long stoppedAt = System.currentTimeMillis();
            user2.command("register mailer");
            assertThat(user2.awaitLine(line -> line.startsWith("REGISTERED mailer "), WAIT)).isEqualTo("REGISTERED mailer true");
            System.out.println("a claim sent to a hung coordinator granted after " + (System.currentTimeMillis() - stoppedAt) + " ms");
            await().atMost(WAIT).until(() -> user3.ask("whereis mailer", "WHEREIS", WAIT).equals("user2@localhost"));
            user3.command("register mailer");
            assertThat(user3.awaitLine(line -> line.startsWith("REGISTERED mailer "), WAIT)).isEqualTo("REGISTERED mailer false");

            user1.resume();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> user1.ask("whereis mailer", "WHEREIS", WAIT).equals("user2@localhost"));
            assertThat(user2.ask("whereis mailer", "WHEREIS", WAIT)).isEqualTo("user2@localhost");
        }
    }
}
