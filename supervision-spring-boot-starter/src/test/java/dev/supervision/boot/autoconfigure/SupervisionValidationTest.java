package dev.supervision.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.TestGenServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Start-up validation: every invalid tree fails with the key, the value and a hint. */
class SupervisionValidationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class))
            .withUserConfiguration(TestGenServers.BothServers.class);

    private void failsWith(String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().isInstanceOf(InvalidSupervisionConfigurationException.class)
                .hasMessageContaining(message));
    }

    @Test
    void unknownBean() {
        failsWith("supervision.supervisors.root.children[0].bean=conector: no @GenServer bean of that name"
                + " (known @GenServer beans: [connector, mailer])",
                "supervision.supervisors.root.children[0].bean=conector");
    }

    @Test
    void unknownSupervisor() {
        failsWith("supervision.supervisors.root.children[0].supervisor=nope: no supervisor of that name",
                "supervision.supervisors.root.children[0].supervisor=nope");
    }

    @Test
    void beanAndSupervisorTogetherOrNeither() {
        failsWith("a child must set exactly one of 'bean' or 'supervisor'",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].supervisor=root");
        failsWith("supervision.supervisors.root.children[0]=: a child must set exactly one",
                "supervision.supervisors.root.children[0].restart=transient");
    }

    @Test
    void duplicateId() {
        failsWith("supervision.supervisors.root.children[1].id=connector: duplicate child id in supervisor 'root'",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[1].bean=mailer",
                "supervision.supervisors.root.children[1].id=connector");
    }

    @Test
    void badShutdown() {
        failsWith("supervision.supervisors.root.children[0].shutdown=5 bananas: not a shutdown"
                + " (use a duration such as 5s or 500ms, 'brutal-kill' or 'infinity')",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].shutdown=5 bananas");
    }

    /** Fails with an {@link InvalidSupervisionConfigurationException} that names {@code key} and {@code value}. */
    private void failsAt(String key, Object value, String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().isInstanceOfSatisfying(InvalidSupervisionConfigurationException.class,
                        invalid -> {
                            assertThat(invalid.getKey()).isEqualTo(key);
                            assertThat(invalid.getValue()).isEqualTo(value);
                            assertThat(invalid.getMessage()).isEqualTo(key + "=" + value + ": " + message);
                        }));
    }

    @Test
    void invalidCombinationIsReportedAtTheFieldTheCoreRefused() {
        failsAt("supervision.supervisors.root.children[0].significant", "true",
                "child spec 'connector': significant=true needs restart transient or temporary, got permanent",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].significant=true");
    }

    @Test
    void negativeIntensityAndShortPeriodAreReportedAtTheirKeysAsWritten() {
        failsAt("supervision.supervisors.root.intensity", "-1",
                "supervisor flag 'intensity' must be 0 or more, got -1",
                "supervision.supervisors.root.intensity=-1");
        failsAt("supervision.supervisors.db.period", "500ms",
                "supervisor flag 'period' must be a whole number of seconds, at least 1, got PT0.5S",
                "supervision.supervisors.root.children[0].supervisor=db",
                "supervision.supervisors.db.period=500ms");
    }

    @Test
    void backoffFieldsAreReportedAtTheirKeys() {
        failsAt("supervision.supervisors.root.children[0].backoff.jitter", "1.5",
                "backoff 'jitter' must be between 0 and 1, got 1.5",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].backoff.jitter=1.5");
        failsAt("supervision.supervisors.root.backoff.reset-after", "-1s",
                "backoff 'resetAfter' must be zero or more, got PT-1S",
                "supervision.supervisors.root.backoff.reset-after=-1s");
        failsAt("supervision.supervisors.root.backoff.max", "50ms",
                "backoff 'max' (PT0.05S) must not be less than 'initial' (PT0.1S)",
                "supervision.supervisors.root.backoff.max=50ms");
    }

    @Test
    void aFieldLeftAtItsDefaultIsReportedWithTheValueTheCoreSaw() {
        failsAt("supervision.supervisors.root.backoff.max", java.time.Duration.ofSeconds(10),
                "backoff 'max' (PT10S) must not be less than 'initial' (PT20S)",
                "supervision.supervisors.root.backoff.initial=20s");
    }

    @Test
    void aNegativeShutdownIsReportedAtTheShutdownKey() {
        failsAt("supervision.supervisors.root.children[0].shutdown", "-5s",
                "child spec 'shutdown' must be zero or more, got PT-5S",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].shutdown=-5s");
    }

    @Test
    void badDurationIsReportedBySpringWithTheKey() {
        runner.withPropertyValues("supervision.supervisors.root.period=soon").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("supervision.supervisors.root.period")
                        .hasStackTraceContaining("soon"));
    }

    @Test
    void cyclesAndUnplacedSupervisors() {
        failsWith("supervisors form a cycle: root -> a -> root",
                "supervision.supervisors.root.children[0].supervisor=a",
                "supervision.supervisors.a.children[0].supervisor=root");
        failsWith("supervision.supervisors.orphan=orphan: this supervisor is not placed under the root 'root'",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.orphan.children[0].bean=mailer");
        failsWith("supervision.root=main: no supervisor of that name",
                "supervision.root=main", "supervision.supervisors.root.children[0].bean=connector");
    }
}
