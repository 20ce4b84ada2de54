package dev.supervision.sample.cluster;

import org.jspecify.annotations.Nullable;

/**
 * Where the mailer runs, as one instance sees it ({@code GET /api/cluster/mailer}).
 *
 * @param node this instance's node
 * @param owner the node that runs the mailer as far as this node knows (the singleton's owner), or null
 *        while it runs nowhere (starting, moving)
 * @param runningHere whether the mailer runs on this node (its local name is held here)
 * @param globalName the node whose process holds the mailer's global name in this node's replica, or null
 *        when nobody holds it
 */
public record MailerPlacement(String node, @Nullable String owner, boolean runningHere, @Nullable String globalName) {
}
