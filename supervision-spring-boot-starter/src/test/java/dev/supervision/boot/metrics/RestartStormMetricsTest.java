package dev.supervision.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.supervision.boot.GenServer;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.autoconfigure.metrics.SupervisionMetricsAutoConfiguration;
import dev.supervision.genserver.Action;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.Result;
import dev.supervision.genserver.Stop;
import dev.supervision.process.ExitReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A storm of 10,000 restarts in a tree of 1,000 workers, two supervisors deep, with Spring Boot's
 * metrics auto-configuration: the first worker stops itself ten times and its {@code one_for_all}
 * supervisor restarts all 1,000 each time. Every restart is counted on the meter of its own child,
 * each meter is registered once (no "already registered" warning from Micrometer however often the
 * named worker comes back), and nothing else is counted. With the old walk of the whole tree on every
 * restart this storm cost 10,000 x 1,000 child visits.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartStormMetricsTest {

    private static final int WORKERS = 1_000;
    private static final int ROUNDS = 10;

    private final Logger crashLogger = (Logger) LoggerFactory.getLogger("dev.supervision.crash");
    private Level crashLevel;

    /** How often the first worker has stopped itself. */
    public static final class Rounds {
        final AtomicInteger stopped = new AtomicInteger();
    }

    /** A worker; the one started with the argument {@code first} stops itself the first {@value #ROUNDS} times. */
    @GenServer("worker")
    public static class Worker implements GenServerBehaviour<Object> {
        private final Rounds rounds;

        public Worker(Rounds rounds) {
            this.rounds = rounds;
        }

        @Override
        public Init<Object> init(Object arg) {
            boolean stopNow = "first".equals(arg) && rounds.stopped.getAndIncrement() < ROUNDS;
            return stopNow ? Init.ok(arg, Action.continueWith("stop")) : Init.ok(arg);
        }

        @Override
        public Result<Object> handleContinue(Object value, Object state) {
            return new Stop<>(ExitReason.of("storm"), state);
        }
    }

    /** The workers and the round counter. */
    @Configuration(proxyBeanMethods = false)
    @Import(Worker.class)
    static class StormConfiguration {
        @Bean
        Rounds rounds() {
            return new Rounds();
        }
    }

    private static String[] tree() {
        List<String> properties = new ArrayList<>(List.of("supervision.on-root-failure=stay-up",
                "supervision.supervisors.root.children[0].supervisor=outer",
                "supervision.supervisors.outer.children[0].supervisor=storm",
                "supervision.supervisors.storm.strategy=one-for-all",
                "supervision.supervisors.storm.intensity=" + 2 * ROUNDS,
                "supervision.supervisors.storm.period=600s",
                "supervision.supervisors.storm.children[0].name=stormy",
                "supervision.supervisors.storm.children[0].arg=first"));
        for (int i = 0; i < WORKERS; i++) {
            String child = "supervision.supervisors.storm.children[" + i + "].";
            properties.add(child + "bean=worker");
            properties.add(child + "id=w" + i);
            properties.add(child + "shutdown=brutal-kill");
        }
        return properties.toArray(String[]::new);
    }

    @BeforeEach
    void silenceCrashReports() {
        crashLevel = crashLogger.getLevel();
        crashLogger.setLevel(Level.OFF);
    }

    @AfterEach
    void restoreCrashReports() {
        crashLogger.setLevel(crashLevel);
    }

    @Test
    void tenThousandRestartsAreCountedOnTheirOwnMetersRegisteredOnce(CapturedOutput output) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class,
                        SupervisionMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class))
                .withUserConfiguration(StormConfiguration.class)
                .withPropertyValues(tree())
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    await().atMost(Duration.ofSeconds(90)).until(() -> total(registry.find("supervision.restarts")
                            .tag("supervisor", "outer/storm").counters()) == WORKERS * ROUNDS);
                    Collection<Counter> restarts = registry.find("supervision.restarts").counters();
                    assertThat(restarts).hasSize(WORKERS).allSatisfy(counter -> {
                        assertThat(counter.getId().getTag("supervisor")).isEqualTo("outer/storm");
                        assertThat(counter.count()).isEqualTo(ROUNDS);
                    });
                    assertThat(registry.find("supervision.exits").counters()).singleElement().satisfies(exits -> {
                        assertThat(exits.getId().getTag("child")).isEqualTo("w0");
                        assertThat(exits.getId().getTag("reason")).isEqualTo("other");
                        assertThat(exits.count()).isEqualTo(ROUNDS);
                    });
                    assertThat(registry.find("supervision.mailbox.size").gauges()).singleElement()
                            .satisfies(gauge -> assertThat(gauge.getId().getTag("name")).isEqualTo("stormy"));
                    assertThat(output).doesNotContain("already registered");
                });
    }

    private static double total(Collection<Counter> counters) {
        return counters.stream().mapToDouble(Counter::count).sum();
    }
}
