package dev.supervision.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Closing a web application with graceful shutdown stops the tree after the web server, children in reverse. */
class GracefulShutdownTest {

    @Test
    void theTreeStopsAfterTheWebServerInReverseStartOrder() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebTestApplication.class).properties(
                "server.port=0", "server.shutdown=graceful", "supervision.on-root-failure=stay-up",
                "supervision.supervisors.root.children[0].bean=connector",
                "supervision.supervisors.root.children[1].bean=mailer").run();
        TestGenServers.Journal journal = context.getBean(TestGenServers.Journal.class);
        SupervisionTree tree = context.getBean(SupervisionTree.class);
        assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isPositive();
        assertThat(tree.isRunning()).isTrue();
        assertThat(tree.getPhase()).isLessThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 2048);

        context.close();

        assertThat(journal.lines).containsExactly(
                "start connector", "start mailer", "stop mailer shutdown", "stop connector shutdown");
        assertThat(tree.isRunning()).isFalse();
        assertThat(tree.runtime().processCount()).isZero();
    }
}
