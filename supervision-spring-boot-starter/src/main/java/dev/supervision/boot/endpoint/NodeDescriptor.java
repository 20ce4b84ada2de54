package dev.supervision.boot.endpoint;

import java.util.List;

/**
 * One node of the cluster as {@code GET /actuator/supervision} lists it.
 *
 * @param name {@code name@host}
 * @param status {@code up} (connected now) or {@code down} (seen before, gone or unreachable now)
 * @param incarnation the incarnation it runs (its start time in milliseconds), or its last one when down
 * @param self whether it is the node that answers
 * @param members the nodes it sees connected, sorted, or null when unknown (it is down, or did not
 *     answer in time)
 */
public record NodeDescriptor(String name, String status, long incarnation, boolean self, List<String> members) {

    /** The status of a connected node. */
    public static final String UP = "up";
    /** The status of a node seen before that is not connected now. */
    public static final String DOWN = "down";
}
