package dev.supervision.cluster.codec;

/**
 * A pid as it travels: the name and incarnation of its node instead of an index that only means
 * something on one node.
 *
 * @param node the node's name, {@code name@host}
 * @param incarnation the node's incarnation (a new one each time the node starts)
 * @param serial the process serial on that node
 * @param creation the runtime creation on that node
 */
public record WirePid(String node, long incarnation, long serial, int creation) {
}
