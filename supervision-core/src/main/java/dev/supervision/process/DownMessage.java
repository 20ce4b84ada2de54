package dev.supervision.process;

/**
 * Erlang's {@code {'DOWN', Ref, process, Object, Reason}}: the monitored process ended, or did not exist
 * when the monitor was set ({@link ExitReason#NOPROC}).
 *
 * @param ref the monitor that fired
 * @param pid the monitored process, or {@code null} when a name was monitored and was not registered
 * @param name the registered name that was monitored, or {@code null} when a pid was monitored
 * @param reason why it ended
 */
public record DownMessage(MonitorRef ref, Pid pid, String name, ExitReason reason) {
}
