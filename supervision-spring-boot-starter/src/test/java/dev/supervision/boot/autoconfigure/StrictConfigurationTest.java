package dev.supervision.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.TestGenServers;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.boot.GenServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Strict configuration: typos, bad values, beans placed twice and names registered twice fail
 * start-up naming the key, and every start-up failure gets Spring Boot's failure report.
 */
class StrictConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class))
            .withUserConfiguration(TestGenServers.BothServers.class)
            .withPropertyValues("supervision.on-root-failure=stay-up");

    /** The failure report the starter's or Spring Boot's analyzers give for {@code failure}. */
    static FailureAnalysis analysis(Throwable failure) {
        // the analyzers that need no application context, in Spring Boot's order
        return SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> { }))
                .stream()
                .map(analyzer -> analyzer.analyze(failure)).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError("no failure analysis for " + failure));
    }

    private FailureAnalysis failure(String... properties) {
        FailureAnalysis[] found = new FailureAnalysis[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            found[0] = analysis(context.getStartupFailure());
        });
        return found[0];
    }

    @Test
    void aTypoAnywhereUnderSupervisionFailsNamingTheKey() {
        assertThat(failure("supervision.supervisers.x.intensity=3").getDescription())
                .contains("supervision.supervisers.x.intensity");
        assertThat(failure("supervision.supervisors.root.stratgy=one-for-all").getDescription())
                .contains("supervision.supervisors.root.stratgy");
        assertThat(failure("supervision.on-root-falure=stay-up").getDescription())
                .contains("supervision.on-root-falure");
    }

    @Test
    void aBadChoiceNamesTheKeyTheValueAndTheValidValuesAsTheReadmeSpellsThem() {
        FailureAnalysis analysis = failure("supervision.supervisors.root.strategy=one-for-al");
        assertThat(analysis.getDescription()).contains("supervision.supervisors.root.strategy", "'one-for-al'");
        assertThat(analysis.getAction()).contains("one-for-one", "one-for-all", "rest-for-one");
    }

    @Test
    void aValueTheCoreRefusesNamesTheExactKeyAndTheValueAsWritten() {
        FailureAnalysis analysis = failure("supervision.supervisors.root.intensity=-1");
        assertThat(analysis.getDescription()).contains("supervision.supervisors.root.intensity", "'-1'");
    }

    @Test
    void aPeriodWithoutUnitIsSeconds() {
        runner.withPropertyValues("supervision.supervisors.root.period=7").run(context -> assertThat(
                context.getBean(SupervisionTree.class).snapshot().orElseThrow().period()).isEqualTo(Duration.ofSeconds(7)));
        runner.withPropertyValues("supervision.supervisors.root.period=7s").run(context -> assertThat(
                context.getBean(SupervisionTree.class).snapshot().orElseThrow().period()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void theSameBeanUnderTwoSupervisorsNamesBothKeys() {
        FailureAnalysis analysis = failure("supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[1].supervisor=other",
                "supervision.supervisors.other.children[0].bean=connector");
        assertThat(analysis.getDescription()).contains("supervision.supervisors.other.children[0].bean",
                "supervision.supervisors.root.children[0].bean");
    }

    @Test
    void twoChildrenRegisteringTheSameNameNameBothKeys() {
        FailureAnalysis analysis = failure("supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[1].bean=mailer",
                "supervision.supervisors.root.children[1].name=dbconnector");
        assertThat(analysis.getDescription()).contains("supervision.supervisors.root.children[1].name",
                "supervision.supervisors.root.children[0].bean");
    }

    @Test
    void anInitThatFailsAtStartUpIsReportedAndNotRetried() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class))
                .withUserConfiguration(FailingInit.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("child 'failingInit' failed to start",
                    "no database here", "not retried");
            assertThat(FailingInit.attempts).hasValue(1);
        });
    }

    @Test
    void aBeanThatCannotBeCreatedIsReported() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class))
                .withUserConfiguration(Uncreatable.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(analysis(context.getStartupFailure()).getDescription())
                    .contains("child 'uncreatable' failed to start", "cannot build this");
        });
    }

    /** A server whose init fails: nothing to connect to. */
    @GenServer("failingInit")
    static class FailingInit implements GenServerBehaviour<Object> {
        static final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Init<Object> init(Object arg) {
            attempts.incrementAndGet();
            throw new IllegalStateException("no database here");
        }
    }

    /** A server whose constructor throws. */
    @GenServer("uncreatable")
    static class Uncreatable implements GenServerBehaviour<Object> {
        Uncreatable() {
            throw new IllegalStateException("cannot build this");
        }

        @Override
        public Init<Object> init(Object arg) {
            return Init.ok(null);
        }
    }
}
