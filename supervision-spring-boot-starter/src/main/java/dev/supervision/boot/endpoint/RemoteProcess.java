package dev.supervision.boot.endpoint;

import dev.supervision.process.Pid;

/**
 * What a node answers about one of its processes: how it renders it, and what a signal to it needs.
 * It travels between nodes, so it holds values only.
 *
 * @param process the process as that node renders it (pids in its own numbering), or null when there
 *     is none
 * @param pid the process's pid (mapped to the asking node's numbering in transit), or null when it
 *     does not run now
 * @param root whether it is that node's root supervisor (a signal to it needs {@code "confirm": "root"})
 * @param signalsAllowed whether that node's own endpoint accepts signals ({@code unrestricted} access):
 *     a remote signal needs write access on both nodes
 */
public record RemoteProcess(ProcessDescriptor process, Pid pid, boolean root, boolean signalsAllowed) {
}
