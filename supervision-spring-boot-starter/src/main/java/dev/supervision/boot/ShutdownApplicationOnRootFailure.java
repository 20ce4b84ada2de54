package dev.supervision.boot;

import dev.supervision.supervisor.SupervisorEvent;
import java.util.function.IntConsumer;
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
    private final IntConsumer exit;

    /** Shuts {@code context} down, then the JVM, when the root gives up. */
    public ShutdownApplicationOnRootFailure(ConfigurableApplicationContext context) {
        this(context, System::exit);
    }

    /**
     * Shuts {@code context} down with {@link SpringApplication#exit}, then hands its exit code (1,
     * unless an {@code ExitCodeGenerator} bean says otherwise) to {@code exit}.
     */
    public ShutdownApplicationOnRootFailure(ConfigurableApplicationContext context, IntConsumer exit) {
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void rootGaveUp(SupervisorEvent.GaveUp event) {
        log.error("The root supervisor {} gave up{}; shutting the application down with exit code 1",
                event.supervisor(), RootFailureMessages.cause(event));
        Thread.ofPlatform().name("supervision-root-failure").start(
                () -> exit.accept(SpringApplication.exit(context, () -> 1)));
    }
}
