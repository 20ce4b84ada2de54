package dev.supervision.process;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of one process, as {@link ProcessRuntime#info(Pid)} takes it (Erlang's {@code process_info}).
 *
 * @param pid the process
 * @param name its registered name, or null
 * @param status what it is doing
 * @param mailboxLength messages waiting in its mailbox
 * @param links the processes it is linked to, in pid order
 * @param monitors the monitors it holds on other processes
 * @param monitoredBy the processes that monitor it, in pid order
 * @param trapExit whether it traps exits
 * @param startedAt when it was spawned
 */
public record ProcessInfo(
        Pid pid,
        String name,
        ProcessStatus status,
        int mailboxLength,
        Set<Pid> links,
        List<MonitorRef> monitors,
        Set<Pid> monitoredBy,
        boolean trapExit,
        Instant startedAt) {

    /** Copies the collections, so a snapshot never changes. */
    public ProcessInfo {
        links = Set.copyOf(links);
        monitors = List.copyOf(monitors);
        monitoredBy = Set.copyOf(monitoredBy);
    }
}
