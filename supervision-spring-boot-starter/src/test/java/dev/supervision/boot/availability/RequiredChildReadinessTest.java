package dev.supervision.boot.availability;

import static org.awaitility.Awaitility.await;

import dev.supervision.boot.RunningApp;
import dev.supervision.process.ExitReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

/** Readiness follows a child marked {@code required}: refused while it restarts, accepted once it runs. */
class RequiredChildReadinessTest {

    @Test
    void aRequiredChildRestartingRefusesTrafficUntilItRunsAgain() {
        try (RunningApp app = RunningApp.start(
                "supervision.supervisors.root.intensity=10",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].required=true",
                "supervision.supervisors.root.children[0].backoff.initial=2s",
                "supervision.supervisors.root.children[0].backoff.jitter=0",
                "supervision.supervisors.root.children[1].bean=mailer")) {
            ApplicationAvailability availability = app.context().getBean(ApplicationAvailability.class);
            await().until(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);

            app.runtime().exit(app.runtime().whereis("dbconnector").orElseThrow(), ExitReason.KILL);

            await().atMost(Duration.ofSeconds(2))
                    .until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
        }
    }
}
