package dev.supervision.boot.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.EventStream;
import dev.supervision.boot.RunningApp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The page offers kill exactly when a kill would be accepted: whatever sets the endpoint's access
 * (its own property, the endpoints' default, the permitted maximum), the {@code canSignal} the page
 * receives matches the answer to a real {@code POST}.
 */
class ObserverKillButtonTest {

    static Stream<Arguments> accessConfigurations() {
        return Stream.of(
                Arguments.of("read-only by default", false, new String[0]),
                Arguments.of("the endpoint's access is unrestricted", true, new String[] {
                    "management.endpoint.supervision.access=unrestricted"}),
                Arguments.of("the endpoints' default access is unrestricted", true, new String[] {
                    "management.endpoints.access.default=unrestricted"}),
                Arguments.of("the endpoint is unrestricted but at most read-only is permitted", false, new String[] {
                    "management.endpoint.supervision.access=unrestricted",
                    "management.endpoints.access.max-permitted=read-only"}),
                Arguments.of("the endpoints' default is read-only but the endpoint's own is unrestricted", true,
                        new String[] {"management.endpoints.access.default=read-only",
                            "management.endpoint.supervision.access=unrestricted"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessConfigurations")
    void theKillButtonShowsExactlyWhenAKillIsAccepted(String when, boolean killAllowed, String[] access)
            throws Exception {
        String[] properties = Stream.concat(Stream.of("supervision.observer.enabled=true",
                "management.endpoints.web.exposure.include=supervision",
                "supervision.supervisors.root.intensity=10"), Stream.of(access)).toArray(String[]::new);
        try (RunningApp app = RunningApp.start(properties);
                EventStream stream = app.management().stream("/actuator/supervision")) {
            JsonNode first = await().until(stream::latest, update -> update != null);
            boolean offered = first.get("canSignal").asBoolean();

            int kill = app.management().post("/actuator/supervision/dbconnector", "{\"signal\": \"kill\"}").status();

            assertThat(offered).as("kill offered").isEqualTo(killAllowed);
            assertThat(kill == 200).as("kill accepted (HTTP %d)", kill).isEqualTo(killAllowed);
        }
    }
}
