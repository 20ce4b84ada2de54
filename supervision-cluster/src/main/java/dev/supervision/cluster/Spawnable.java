package dev.supervision.cluster;

import dev.supervision.process.ProcessBody;

/**
 * What a node lets other nodes start on it (Erlang's {@code spawn(Node, Module, Function, Args)}: Java
 * cannot ship a closure, so a remote spawn names a spawnable the target node registered with
 * {@link ClusterNode#registerSpawnable}, plus an argument).
 */
@FunctionalInterface
public interface Spawnable {

    /**
     * The code of the new process, made from the argument the spawning node sent (decoded with this
     * node's allowlist; null when it sent none). Runs in the new process.
     */
    ProcessBody body(Object argument) throws Exception;
}
