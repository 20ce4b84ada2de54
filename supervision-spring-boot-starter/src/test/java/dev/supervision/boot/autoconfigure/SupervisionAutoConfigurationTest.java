package dev.supervision.boot.autoconfigure;

import dev.supervision.process.ProcessRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.RootFailureHandler;
import dev.supervision.boot.ShutdownApplicationOnRootFailure;
import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.TestGenServers;
import dev.supervision.boot.availability.MarkBrokenOnRootFailure;
import dev.supervision.boot.autoconfigure.endpoint.SupervisionEndpointAutoConfiguration;
import dev.supervision.boot.autoconfigure.health.SupervisionHealthAutoConfiguration;
import dev.supervision.boot.autoconfigure.metrics.SupervisionMetricsAutoConfiguration;
import dev.supervision.boot.endpoint.SupervisionEndpoint;
import dev.supervision.boot.endpoint.SupervisionEndpointWebExtension;
import dev.supervision.boot.health.SupervisionHealthIndicator;
import dev.supervision.boot.metrics.SupervisionMetrics;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSnapshot;
import dev.supervision.supervisor.Restart;
import dev.supervision.supervisor.SupervisorSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Conditions and properties of the auto-configuration, in plain application contexts. */
class SupervisionAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class,
                    SupervisionEndpointAutoConfiguration.class, SupervisionHealthAutoConfiguration.class,
                    SupervisionMetricsAutoConfiguration.class, EndpointAutoConfiguration.class))
            .withPropertyValues("supervision.on-root-failure=stay-up");

    private static SupervisorSnapshot runningTree(SupervisionTree tree) {
        return tree.snapshot().orElseThrow(() -> new AssertionError("the tree is not running"));
    }

    @Test
    void aGenServerBeanWithNoPropertiesRunsUnderTheRoot() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class))
                .withUserConfiguration(TestGenServers.ConnectorOnly.class).run(context -> {
            SupervisorSnapshot root = runningTree(context.getBean(SupervisionTree.class));
            assertThat(root.strategy()).isEqualTo("one_for_one");
            assertThat(root.intensity()).isEqualTo(3);
            assertThat(root.period()).isEqualTo(Duration.ofSeconds(5));
            ChildSnapshot connector = root.child("connector").orElseThrow();
            assertThat(connector.name()).isEqualTo("dbconnector");
            assertThat(connector.restart()).isEqualTo(Restart.PERMANENT);
            assertThat(context.getBean(ProcessRuntime.class).whereis("dbconnector")).contains(connector.pid());
            assertThat(context.getBean(RootFailureHandler.class)).isInstanceOf(MarkBrokenOnRootFailure.class);
        });
    }

    @Test
    void aDeclaredSupervisorKeepsOtpDefaultsWhereItSaysNothing() {
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("supervision.supervisors.root.strategy=one-for-all").run(context -> {
            SupervisorSnapshot root = runningTree(context.getBean(SupervisionTree.class));
            assertThat(root.strategy()).isEqualTo("one_for_all");
            assertThat(root.intensity()).isEqualTo(1);
            assertThat(root.period()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void onRootFailureShutdownApplicationIsAChoice() {
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("supervision.on-root-failure=shutdown-application")
                .run(context -> assertThat(context.getBean(RootFailureHandler.class))
                        .isInstanceOf(ShutdownApplicationOnRootFailure.class));
    }

    @Test
    void configurationMetadataDescribesTheKeysWithDefaults() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"name\": \"supervision.on-root-failure\"",
                    "\"defaultValue\": \"mark-broken\"", "\"name\": \"supervision.supervisors\"",
                    "SupervisionProperties$SupervisorProperties", "Whether to run the supervision tree at all.");
        }
    }

    @Test
    void everyRestartGetsAFreshBeanInstance() {
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("supervision.supervisors.root.intensity=5").run(context -> {
                    ProcessRuntime runtime = context.getBean(ProcessRuntime.class);
                    Object first = runtime.call(ProcessRef.named("dbconnector"), new TestGenServers.Who());
                    Pid pid = runtime.whereis("dbconnector").orElseThrow();
                    runtime.exit(pid, ExitReason.KILL);
                    await().until(() -> runtime.whereis("dbconnector").filter(p -> !p.equals(pid)).isPresent());
                    Object second = runtime.call(ProcessRef.named("dbconnector"), new TestGenServers.Who());
                    assertThat(second).isNotEqualTo(first);
                    assertThat(context.getBean(TestGenServers.Journal.class).instances.get()).isEqualTo(2);
                });
    }

    @Test
    void theTreeFromPropertiesNestsSupervisorsWithTheirFlagsAndChildren() {
        runner.withUserConfiguration(TestGenServers.BothServers.class).withPropertyValues(
                "supervision.supervisors.root.strategy=one-for-all",
                "supervision.supervisors.root.intensity=3",
                "supervision.supervisors.root.period=10s",
                "supervision.supervisors.root.children[0].supervisor=db",
                "supervision.supervisors.db.strategy=rest-for-one",
                "supervision.supervisors.db.children[0].bean=connector",
                "supervision.supervisors.db.children[0].id=conn",
                "supervision.supervisors.db.children[0].shutdown=2s",
                "supervision.supervisors.db.children[0].arg=jdbc:h2:mem:x",
                "supervision.supervisors.db.children[0].backoff.initial=50ms",
                "supervision.supervisors.db.children[1].bean=mailer",
                "supervision.supervisors.db.children[1].name=mailer",
                "supervision.supervisors.db.children[1].restart=transient").run(context -> {
                    SupervisorSnapshot root = runningTree(context.getBean(SupervisionTree.class));
                    assertThat(root.strategy()).isEqualTo("one_for_all");
                    assertThat(root.intensity()).isEqualTo(3);
                    assertThat(root.period()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(root.children()).extracting(ChildSnapshot::id).containsExactly("db");
                    SupervisorSnapshot db = root.child("db").orElseThrow().supervisor();
                    assertThat(db.strategy()).isEqualTo("rest_for_one");
                    assertThat(db.children()).extracting(ChildSnapshot::id).containsExactly("conn", "mailer");
                    assertThat(db.child("mailer").orElseThrow().restart()).isEqualTo(Restart.TRANSIENT);
                    assertThat(db.child("mailer").orElseThrow().name()).isEqualTo("mailer");
                    assertThat(context.getBean(TestGenServers.Journal.class).lines)
                            .containsExactly("start connector jdbc:h2:mem:x", "start mailer");
                });
    }

    @Test
    void disabledMeansNothingRuns() {
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("supervision.enabled=false").run(context -> {
                    assertThat(context).doesNotHaveBean(SupervisionTree.class);
                    assertThat(context).doesNotHaveBean(ProcessRuntime.class);
                    assertThat(context).doesNotHaveBean(SupervisionHealthIndicator.class);
                });
    }

    @Test
    void worksWithoutActuatorOrMicrometer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class,
                        SupervisionEndpointAutoConfiguration.class, SupervisionHealthAutoConfiguration.class,
                        SupervisionMetricsAutoConfiguration.class))
                .withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
                        "org.springframework.boot.health", "io.micrometer"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(runningTree(context.getBean(SupervisionTree.class)).children()).hasSize(1);
                    assertThat(context).doesNotHaveBean(SupervisionHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(SupervisionMetrics.class);
                });
    }

    @Test
    void theEndpointNeedsExposureAndItsWebExtensionNeedsWebExposure() {
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class).run(context ->
                assertThat(context).doesNotHaveBean(SupervisionEndpoint.class));
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("management.endpoints.web.exposure.include=supervision").run(context -> {
                    assertThat(context).hasSingleBean(SupervisionEndpoint.class);
                    assertThat(context).hasSingleBean(SupervisionEndpointWebExtension.class);
                });
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=supervision")
                .run(context -> {
                    assertThat(context).hasSingleBean(SupervisionEndpoint.class);
                    assertThat(context).doesNotHaveBean(SupervisionEndpointWebExtension.class);
                });
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class).withPropertyValues(
                "management.endpoints.web.exposure.include=supervision", "management.endpoint.supervision.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(SupervisionEndpoint.class));
    }

    @Test
    void healthAndMetricsBeansArePresentWithActuator() {
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class).run(context -> {
            assertThat(context).hasSingleBean(SupervisionHealthIndicator.class);
            assertThat(context).hasSingleBean(SupervisionMetrics.class);
        });
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("management.health.supervision.enabled=false").run(context ->
                        assertThat(context).doesNotHaveBean(SupervisionHealthIndicator.class));
    }

    @Test
    void closingTheContextStopsTheChildrenInReverseOrder() {
        runner.withUserConfiguration(TestGenServers.BothServers.class).withPropertyValues(
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[1].bean=mailer").run(context -> {
                    TestGenServers.Journal journal = context.getBean(TestGenServers.Journal.class);
                    context.close();
                    assertThat(journal.lines).containsExactly(
                            "start connector", "start mailer", "stop mailer shutdown", "stop connector shutdown");
                });
    }

    @Test
    void stayUpKeepsTheContextAndTheCustomHandlerIsCalled() {
        java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withBean(RootFailureHandler.class, () -> event -> calls.add("gave up after " + event.childId()))
                .withPropertyValues("supervision.supervisors.root.intensity=0").run(context -> {
                    ProcessRuntime runtime = context.getBean(ProcessRuntime.class);
                    runtime.exit(runtime.whereis("dbconnector").orElseThrow(), ExitReason.KILL);
                    await().until(() -> !calls.isEmpty());
                    assertThat(calls).containsExactly("gave up after connector");
                    SupervisionTree tree = context.getBean(SupervisionTree.class);
                    assertThat(tree.rootGaveUp()).isTrue();
                    assertThat(context.isActive()).isTrue();
                });
    }

    @Test
    void lifecycleEventsArePublishedAsSpringApplicationEvents() {
        java.util.List<dev.supervision.event.SupervisionEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withUserConfiguration(TestGenServers.ConnectorOnly.class)
                .withPropertyValues("supervision.supervisors.root.intensity=5")
                .withBean("collector", org.springframework.context.ApplicationListener.class,
                        () -> (org.springframework.context.ApplicationListener<dev.supervision.boot.SupervisionApplicationEvent>)
                                event -> seen.add(event.getEvent()))
                .run(context -> {
                    ProcessRuntime runtime = context.getBean(ProcessRuntime.class);
                    Pid pid = runtime.whereis("dbconnector").orElseThrow();
                    runtime.exit(pid, ExitReason.KILL);
                    await().until(() -> seen.stream().anyMatch(
                            e -> e instanceof dev.supervision.supervisor.SupervisorEvent.ChildRestarted));
                    assertThat(seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                            dev.supervision.supervisor.SupervisorEvent.ChildExited.class,
                            exited -> assertThat(exited.reason()).isEqualTo(ExitReason.KILLED)));
                    assertThat(seen).anySatisfy(e -> assertThat(e).isInstanceOf(dev.supervision.process.ProcessEvent.Spawned.class));
                });
    }
}
