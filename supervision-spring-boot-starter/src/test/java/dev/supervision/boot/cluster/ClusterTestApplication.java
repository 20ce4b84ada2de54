package dev.supervision.boot.cluster;

import dev.supervision.boot.WebTestApplication;
import java.io.IOException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@link WebTestApplication} as a member JVM of the multi-JVM tests: started with its properties
 * as arguments, it prints {@code READY <http port>} once it runs, and halts when its stdin closes, so a
 * test that dies never leaves it behind.
 */
public final class ClusterTestApplication {

    private ClusterTestApplication() {
    }

    /** Runs the application with {@code args} ({@code --key=value} properties). */
    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebTestApplication.class).run(args);
        System.out.println("READY " + context.getEnvironment().getRequiredProperty("local.server.port"));
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to go away
        }
        Runtime.getRuntime().halt(0);
    }
}
