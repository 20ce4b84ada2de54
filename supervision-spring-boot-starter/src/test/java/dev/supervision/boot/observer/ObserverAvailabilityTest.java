package dev.supervision.boot.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.EventStream;
import dev.supervision.boot.Http;
import dev.supervision.boot.RunningApp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The observer is served only when asked for and only where the endpoint is exposed over HTTP: in
 * every other case a browser gets what the actuator gives it, and no feed runs.
 */
class ObserverAvailabilityTest {

    static Stream<Arguments> notServed() {
        return Stream.of(
                Arguments.of("the endpoint is not exposed over HTTP", 404, new String[] {
                    "supervision.observer.enabled=true", "management.endpoints.web.exposure.include=health"}),
                Arguments.of("the endpoint is exposed over JMX only", 404, new String[] {
                    "supervision.observer.enabled=true", "management.endpoints.web.exposure.include=health",
                    "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=supervision"}),
                Arguments.of("the endpoint's access is none", 404, new String[] {
                    "supervision.observer.enabled=true", "management.endpoints.web.exposure.include=supervision",
                    "management.endpoint.supervision.access=none"}),
                Arguments.of("the observer is not enabled: a browser gets the JSON", 200, new String[] {
                    "management.endpoints.web.exposure.include=supervision"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notServed")
    void noPageNoStreamNoFeed(String when, int browserStatus, String[] properties) throws Exception {
        try (RunningApp app = RunningApp.start(properties)) {
            assertThat(app.context().getBeansOfType(ObserverFeed.class)).isEmpty();
            Http.Response page = app.management().get("/actuator/supervision", Http.BROWSER_ACCEPT);
            assertThat(page.status()).isEqualTo(browserStatus);
            assertThat(page.body()).doesNotContain("Supervision observer");
            try (EventStream stream = app.management().stream("/actuator/supervision")) {
                assertThat(stream.status()).isNotEqualTo(200);
            }
        }
    }
}
