package dev.supervision.boot;

import dev.supervision.supervisor.SupervisorEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code on-root-failure: shutdown-application}: closes the context (gracefully) and exits the JVM
 * with code 1, so a platform such as Kubernetes restarts the instance.
 */
public final class ShutdownApplicationOnRootFailure implements RootFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ShutdownApplicationOnRootFailure.class);

    private final ConfigurableApplicationContext context;

    /** Shuts {@code context} down, then the JVM, when the root gives up. */
    public ShutdownApplicationOnRootFailure(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public void rootGaveUp(SupervisorEvent.GaveUp event) {
        log.error("The root supervisor {} gave up after child '{}' exited with {}; shutting the application down"
                + " with exit code 1", event.supervisor(), event.childId(), event.reason());
        Thread.ofPlatform().name("supervision-root-failure").start(
                () -> System.exit(SpringApplication.exit(context, () -> 1)));
    }
}
