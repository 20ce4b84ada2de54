package dev.supervision.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one structured SLF4J event per abnormal exit (Erlang's crash report), on the logger
 * {@code dev.supervision.crash}, with the key-value pairs {@code pid}, {@code name}, {@code reason} and
 * {@code lastMessage}, and the exception as the cause when the process crashed.
 */
final class CrashReporter {

    static final String LOGGER_NAME = "dev.supervision.crash";

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    private CrashReporter() {
    }

    static void report(Pid pid, String name, ExitReason reason, Object lastMessage) {
        if (reason.isNormal() || !log.isErrorEnabled()) {
            return;
        }
        String who = name == null ? pid.toString() : pid + " (" + name + ")";
        var event = log.atError()
                .setMessage("Process {} exited with reason {}; last message: {}")
                .addArgument(who)
                .addArgument(reason)
                .addArgument(lastMessage)
                .addKeyValue("pid", pid.toString())
                .addKeyValue("name", name)
                .addKeyValue("reason", reason.toString())
                .addKeyValue("lastMessage", String.valueOf(lastMessage));
        if (reason instanceof ExitReason.Crash crash) {
            event = event.setCause(crash.error());
        }
        event.log();
    }
}
