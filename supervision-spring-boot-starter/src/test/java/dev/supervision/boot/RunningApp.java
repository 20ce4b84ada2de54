package dev.supervision.boot;

import dev.supervision.process.ProcessRuntime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@link WebTestApplication} running on a random port with the given properties, for tests that
 * need several configurations in one class or need to close the application themselves.
 */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the application with {@code properties} on top of a random port and stay-up. */
    public static RunningApp start(String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "supervision.on-root-failure=stay-up"));
        all.addAll(List.of(properties));
        return new RunningApp(new SpringApplicationBuilder(WebTestApplication.class)
                .properties(all.toArray(String[]::new)).run());
    }

    /** The application's context. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    /** The application's runtime. */
    public ProcessRuntime runtime() {
        return context.getBean(ProcessRuntime.class);
    }

    /** A client of the application's port. */
    public Http app() {
        return new Http(port("local.server.port"));
    }

    /** A client of the management port (the application's port unless management.server.port is set). */
    public Http management() {
        return new Http(port("local.management.port"));
    }

    private int port(String property) {
        return context.getEnvironment().getRequiredProperty(property, Integer.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
