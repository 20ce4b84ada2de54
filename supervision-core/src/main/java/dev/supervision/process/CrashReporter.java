package dev.supervision.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one structured SLF4J event per abnormal exit (Erlang's crash report), on the logger
 * {@code dev.supervision.crash}, with the key-value pairs {@code pid}, {@code name}, {@code reason} and
 * {@code lastMessage}, and the exception as the cause when the process crashed. The last message and the
 * reason are rendered by {@link MessageRendering#standard()}: escaped, so a newline in a message cannot
 * forge a log line, and bounded; with {@code -Ddev.supervision.logMessageContents=false} the last
 * message shows its type only. The exception's own stack trace is the logging backend's to render.
 */
final class CrashReporter {

    static final String LOGGER_NAME = "dev.supervision.crash";

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    /** The reason (an exception's message, often) is escaped and cut after this many characters. */
    private static final int REASON_LIMIT = 1000;

    private CrashReporter() {
    }

    static void report(Pid pid, String name, ExitReason reason, Object lastMessage) {
        if (reason.isNormal() || !log.isErrorEnabled()) {
            return;
        }
        MessageRendering rendering = MessageRendering.standard();
        String who = name == null ? pid.toString() : pid + " (" + MessageRendering.escape(name, REASON_LIMIT) + ")";
        String last = rendering.render(lastMessage);
        String why = MessageRendering.escape(String.valueOf(reason), REASON_LIMIT);
        var event = log.atError()
                .setMessage("Process {} exited with reason {}; last message: {}")
                .addArgument(who)
                .addArgument(why)
                .addArgument(last)
                .addKeyValue("pid", pid.toString())
                .addKeyValue("name", name)
                .addKeyValue("reason", why)
                .addKeyValue("lastMessage", last);
        if (reason instanceof ExitReason.Crash crash) {
            event = event.setCause(crash.error());
        }
        event.log();
    }
}
