package dev.supervision.boot.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.Http;
import dev.supervision.boot.RunningApp;
import dev.supervision.boot.ShutdownApplicationOnRootFailure;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.supervisor.SupervisorEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ExitCodeEvent;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;

/** What the root giving up does to the application, for each {@code supervision.on-root-failure}. */
class RootFailureAvailabilityTest {

    @Test
    void byDefaultTheRootGivingUpMarksTheApplicationBrokenAndKeepsItRunning() throws Exception {
        // show-components (or show-details) lets /actuator/health/supervision answer: Boot's rule, not ours
        try (RunningApp app = RunningApp.start("supervision.on-root-failure=mark-broken",
                "supervision.supervisors.root.intensity=0", "management.endpoint.health.show-components=always")) {
            ApplicationAvailability availability = app.context().getBean(ApplicationAvailability.class);
            await().until(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(app.app().get("/actuator/health/supervision").status()).isEqualTo(200);

            app.runtime().exit(app.runtime().whereis("dbconnector").orElseThrow(), ExitReason.KILL);

            await().until(() -> availability.getLivenessState() == LivenessState.BROKEN);
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            Http.Response health = app.app().get("/actuator/health/supervision");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(app.context().isActive()).isTrue();
        }
    }

    @Test
    void shutdownApplicationClosesTheContextAndExitsWithCodeOne() throws Exception {
        try (RunningApp app = RunningApp.start()) {
            List<Integer> exitEvents = new CopyOnWriteArrayList<>();
            app.context().addApplicationListener((ApplicationListener<ExitCodeEvent>) e -> exitEvents.add(e.getExitCode()));
            List<Integer> jvmExits = new CopyOnWriteArrayList<>();
            Pid root = app.context().getBean(dev.supervision.boot.SupervisionTree.class).rootPid().orElseThrow();

            new ShutdownApplicationOnRootFailure(app.context(), jvmExits::add)
                    .rootGaveUp(new SupervisorEvent.GaveUp(root, "connector", ExitReason.KILL, Instant.now()));

            await().until(() -> jvmExits.equals(List.of(1)));
            assertThat(exitEvents).containsExactly(1);
            assertThat(app.context().isActive()).isFalse();
        }
    }
}
