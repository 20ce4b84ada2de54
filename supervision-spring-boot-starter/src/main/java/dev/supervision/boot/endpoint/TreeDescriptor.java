package dev.supervision.boot.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of {@code GET /actuator/supervision}.
 *
 * @param node the node name
 * @param root the root supervisor with its whole tree
 * @param nodes with a cluster, this node and every member seen; absent (null) without one, and in the
 *     tree of another node ({@code ?node=})
 */
public record TreeDescriptor(String node, ProcessDescriptor root,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<NodeDescriptor> nodes) {

    /** A tree without the cluster's nodes. */
    public TreeDescriptor(String node, ProcessDescriptor root) {
        this(node, root, null);
    }
}
