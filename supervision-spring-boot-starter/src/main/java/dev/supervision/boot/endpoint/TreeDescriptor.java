package dev.supervision.boot.endpoint;

/**
 * The answer of {@code GET /actuator/supervision}.
 *
 * @param node the node name
 * @param root the root supervisor with its whole tree
 */
public record TreeDescriptor(String node, ProcessDescriptor root) {
}
