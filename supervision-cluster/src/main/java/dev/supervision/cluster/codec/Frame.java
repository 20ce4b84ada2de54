package dev.supervision.cluster.codec;

import dev.supervision.process.Pid;
import java.util.List;
import java.util.Map;

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

    /**
     * What nodes tell each other about global names and process groups (handled in
     * {@code dev.supervision.cluster.naming}). A node announces only its own processes' names and
     * memberships; the coordinator answers claims.
     */
    sealed interface Naming extends Frame {

        /** Claim {@code id}: the sending node asks the coordinator for {@code name}, for its process {@code pid}. */
        record Claim(long id, String name, Pid pid) implements Naming {
        }

        /** The coordinator's answer to claim {@code id}: {@code granted}, or not (the name is held). */
        record ClaimAnswer(long id, String name, Pid pid, boolean granted) implements Naming {
        }

        /** The sending node's process {@code pid} holds {@code name}. */
        record NameHeld(String name, Pid pid) implements Naming {
        }

        /** {@code pid} no longer holds {@code name} (it died, was unregistered or lost a conflict). */
        record NameFreed(String name, Pid pid) implements Naming {
        }

        /** Asks the node whose process holds {@code name} to unregister it. */
        record NameDrop(String name) implements Naming {
        }

        /**
         * Every global name the sending node's processes hold, replacing what the receiver knew of them;
         * with {@code answerWanted}, the receiver answers with its own (so that a node which saw the
         * sender come up twice, and dropped its first snapshot while it had it down, still gets one).
         */
        record NamesHeld(Map<String, Pid> names, boolean answerWanted) implements Naming {

            /** A snapshot that wants no answer. */
            public NamesHeld(Map<String, Pid> names) {
                this(names, false);
            }
        }

        /** The sending node's processes {@code pids} joined {@code group} (once each). */
        record GroupJoined(String group, List<Pid> pids) implements Naming {
        }

        /** The sending node's processes {@code pids} left {@code group} (once each). */
        record GroupLeft(String group, List<Pid> pids) implements Naming {
        }

        /**
         * Every membership of the sending node's processes, replacing what the receiver knew of them;
         * with {@code answerWanted}, the receiver answers with its own (as for {@link NamesHeld}).
         */
        record GroupsHeld(Map<String, List<Pid>> groups, boolean answerWanted) implements Naming {

            /** A snapshot that wants no answer. */
            public GroupsHeld(Map<String, List<Pid>> groups) {
                this(groups, false);
            }
        }
    }
}
