package dev.supervision.cluster.singleton;

import dev.supervision.process.Pid;
import dev.supervision.process.Request;

/**
 * What the managers of one cluster singleton on different nodes tell each other. They travel through
 * the codec, which allows this interface's records without configuration.
 */
public sealed interface SingletonMessage {

    /** The singleton's id. */
    String singleton();

    /**
     * One node's manager as it stands: who it is, how senior, and whether its instance runs.
     *
     * @param singleton the singleton's id
     * @param node the manager's node
     * @param seniority the owner rule's key: the smallest (ties by node name) owns the singleton
     * @param manager the manager's pid, monitored by the others
     * @param running whether this node's instance is running now
     */
    record Status(String singleton, String node, long seniority, Pid manager, boolean running)
            implements SingletonMessage {
    }

    /**
     * A manager introduces itself to another node's; the answer is that manager's {@link Status}.
     *
     * @param from the asking manager's status
     */
    record Probe(Status from) implements SingletonMessage, Request<Status> {
        @Override
        public String singleton() {
            return from.singleton();
        }
    }

    /**
     * A manager stops for good (its node leaves, or its supervisor stopped it) and its instance has
     * ended: the next owner may start at once.
     *
     * @param singleton the singleton's id
     * @param node the manager's node
     * @param manager the manager's pid
     */
    record Goodbye(String singleton, String node, Pid manager) implements SingletonMessage {
    }
}
