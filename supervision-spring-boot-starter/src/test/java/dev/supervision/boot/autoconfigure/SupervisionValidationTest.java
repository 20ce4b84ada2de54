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

    @Test
    void invalidCombination() {
        failsWith("supervision.supervisors.root.children[0]",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].significant=true");
        failsWith("significant=true needs restart transient or temporary, got permanent",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[0].significant=true");
    }

    @Test
    void negativeIntensityAndShortPeriod() {
        failsWith("supervision.supervisors.root=-1: supervisor flag 'intensity' must be 0 or more, got -1",
                "supervision.supervisors.root.intensity=-1");
        failsWith("supervisor flag 'period' must be a whole number of seconds, at least 1, got PT0.5S",
                "supervision.supervisors.root.period=500ms");
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
