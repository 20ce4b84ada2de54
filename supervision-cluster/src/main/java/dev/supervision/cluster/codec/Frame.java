package dev.supervision.cluster.codec;

import dev.supervision.process.Pid;

/**
 * What nodes say to each other. Only runtime types appear in a frame: what applications send (a
 * message, a request, a reply, a spawn argument) travels as a separately encoded {@code payload}, so
 * that a payload this node refuses to decode still leaves the frame readable (a call can then fail its
 * caller instead of hanging). A target is a pid ({@code pid}) or a name on the receiving node
 * ({@code name}); exactly one of them is set.
 */
public sealed interface Frame {

    /** A message (a cast too, wrapped) for a process of the receiving node. */
    record Send(Pid pid, String name, byte[] payload) implements Frame {
    }

    /** An exit signal ({@code exit/2}) from {@code from}. */
    record Exit(Pid from, Pid pid, String name, WireReason reason) implements Frame {
    }

    /** {@code from} linked itself to {@code to}, a process of the receiving node. */
    record Link(Pid from, Pid to) implements Frame {
    }

    /** {@code from} removed its link to {@code to}. */
    record Unlink(Pid from, Pid to) implements Frame {
    }

    /** {@code from}, linked to {@code to}, ended with {@code reason} (or never lived: noproc). */
    record LinkExit(Pid from, Pid to, WireReason reason) implements Frame {
    }

    /** {@code owner} monitors a process of the receiving node with the monitor {@code ref}. */
    record Monitor(Pid owner, long ref, Pid pid, String name) implements Frame {
    }

    /** {@code owner} removed its monitor {@code ref}. */
    record Demonitor(Pid owner, long ref) implements Frame {
    }

    /** The monitored process ({@code pid}, null when the name was not held) ended with {@code reason}. */
    record Down(Pid owner, long ref, Pid pid, String name, WireReason reason) implements Frame {
    }

    /** A call {@code id} from {@code caller} (null: a plain thread) with an encoded request. */
    record Call(long id, Pid caller, Pid pid, String name, byte[] payload) implements Frame {
    }

    /** The answer to call {@code id}, encoded. */
    record Reply(long id, byte[] payload) implements Frame {
    }

    /**
     * Call {@code id} failed on the server's node: {@code noproc}, {@code exit} (the server ended; its pid
     * and reason), or {@code unreadable} (the request or the reply could not be decoded or encoded).
     */
    record CallFailed(long id, String failure, Pid server, WireReason reason, String detail) implements Frame {
    }

    /** Spawn request {@code id}: start what the receiving node registered as {@code spawnable}. */
    record Spawn(long id, Pid requester, String spawnable, byte[] payload) implements Frame {
    }

    /** The pid that spawn request {@code id} started. */
    record Spawned(long id, Pid pid) implements Frame {
    }

    /** The requester of spawn {@code id} has set its link or monitor: the spawned process may run. */
    record Start(long id, Pid pid) implements Frame {
    }

    /** A liveness probe; answered with a {@link Pong} of the same id. */
    record Ping(long id) implements Frame {
    }

    /** The answer to a {@link Ping}. */
    record Pong(long id) implements Frame {
    }
}
