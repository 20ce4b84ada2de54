package dev.supervision.boot.endpoint;

import java.util.List;

/**
 * One process as the {@code supervision} endpoint renders it: a {@link Worker} or a {@link Supervisor}
 * with its children in start order. Built from a snapshot, never from live objects.
 */
public sealed interface ProcessDescriptor permits ProcessDescriptor.Worker, ProcessDescriptor.Supervisor {

    /** The pid in Erlang form, or null when not running. */
    String pid();

    /** Links and monitors, on a single-process read only; else null. */
    Details details();

    /**
     * A worker (or any process outside the tree).
     *
     * @param id the child id, or null outside the tree
     * @param pid the pid in Erlang form, or null when not running
     * @param name the registered name, or null
     * @param type always {@code worker}
     * @param status {@code running}, {@code restarting}, {@code stopped} or {@code gave_up}
     * @param restart {@code permanent}, {@code transient} or {@code temporary}; null outside the tree
     * @param restarts restarts since the tree started
     * @param lastExit the last exit, or null
     * @param startedAt when the current process started (ISO-8601), or null
     * @param mailbox messages queued
     * @param details links and monitors, on a single-process read only
     */
    record Worker(String id, String pid, String name, String type, String status, String restart, int restarts,
            LastExit lastExit, String startedAt, int mailbox, Details details) implements ProcessDescriptor {
    }

    /**
     * A supervisor.
     *
     * @param id the child id (the root's name for the root)
     * @param pid the pid in Erlang form, or null when not running
     * @param name the registered name, or null
     * @param type always {@code supervisor}
     * @param status {@code running}, {@code restarting}, {@code stopped} or {@code gave_up}
     * @param restart its restart type
     * @param restarts restarts since the tree started
     * @param lastExit the last exit, or null
     * @param startedAt when the current process started (ISO-8601), or null
     * @param mailbox messages queued
     * @param strategy {@code one_for_one}, {@code one_for_all}, {@code rest_for_one} or {@code dynamic}
     * @param intensity restart intensity
     * @param period restart period, in seconds
     * @param children its children in start order
     * @param details links and monitors, on a single-process read only
     */
    record Supervisor(String id, String pid, String name, String type, String status, String restart, int restarts,
            LastExit lastExit, String startedAt, int mailbox, String strategy, int intensity, long period,
            List<ProcessDescriptor> children, Details details) implements ProcessDescriptor {
    }

    /**
     * A last exit.
     *
     * @param reason the reason, Erlang-style
     * @param at when (ISO-8601)
     */
    record LastExit(String reason, String at) {
    }

    /**
     * What a single-process read adds.
     *
     * @param links linked pids
     * @param monitors monitor references the process holds
     * @param monitoredBy pids monitoring it
     * @param trapExit whether it traps exits
     * @param activity {@code running} or {@code waiting}
     */
    record Details(List<String> links, List<String> monitors, List<String> monitoredBy, boolean trapExit,
            String activity) {
    }
}
