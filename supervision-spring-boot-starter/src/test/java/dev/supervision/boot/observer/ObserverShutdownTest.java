package dev.supervision.boot.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.EventStream;
import dev.supervision.boot.RunningApp;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Closing the application ends every open observer stream at once, before the web server's graceful
 * shutdown would wait for them, and stops the observer's thread.
 */
class ObserverShutdownTest {

    private static boolean feedThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(ObserverFeed.THREAD_NAME));
    }

    @ParameterizedTest(name = "management.server.port={0}")
    @ValueSource(strings = {"", "0"})
    void closingTheContextEndsTheStreamsAndStopsTheFeedThread(String managementPort) throws Exception {
        RunningApp app = RunningApp.start("server.shutdown=graceful", "management.server.port=" + managementPort,
                "spring.lifecycle.timeout-per-shutdown-phase=30s",
                "supervision.observer.enabled=true", "management.endpoints.web.exposure.include=supervision");
        try (EventStream stream = app.management().stream("/actuator/supervision")) {
            await().until(stream::latest, update -> update != null);
            assertThat(feedThreadAlive()).isTrue();
            long start = System.nanoTime();

            app.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(stream::ended);
            await().atMost(Duration.ofSeconds(5)).until(() -> !feedThreadAlive());
        }
    }
}
