package dev.supervision.process;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes what a dead process owned ({@link ProcessRuntime#closeOnExit}), off the thread that ended it. */
final class ResourceCloser {

    private static final Logger log = LoggerFactory.getLogger(ProcessRuntime.class);

    private ResourceCloser() {
    }

    /** Makes {@code owner} own {@code resource}; when it has already ended, closes it and unwinds. */
    static void own(ProcessRuntime runtime, ProcessCell owner, AutoCloseable resource) {
        if (!owner.own(resource)) {
            close(runtime, owner.pid, List.of(resource));
            throw new ProcessExit(owner.exitReason());
        }
    }

    /** Closes {@code resources} in order on a virtual thread of {@code runtime}; failures are logged. */
    static void close(ProcessRuntime runtime, Pid owner, List<AutoCloseable> resources) {
        runtime.newThread(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    log.warn("Closing a resource of {} failed: {}", owner, e.toString());
                }
            }
        }).start();
    }
}
