package dev.supervision.process;

/**
 * What {@link ProcessRuntime#spawnMonitor} returns: the new process and the monitor on it.
 *
 * @param pid the new process
 * @param ref the monitor the caller holds on it
 */
public record PidAndMonitor(Pid pid, MonitorRef ref) {
}
