package dev.supervision.cluster;

import org.jgroups.Message;
import org.jgroups.util.PassRegularMessagesUpDirectly;

/**
 * JGroups' {@code direct} message processing (regular messages passed up on the connection's receiving
 * thread, out-of-band ones through the thread pool), except for what a node sends itself: those go
 * through the pool, as with JGroups' default policy. Passed up directly, the coordinator's own view
 * message reached the node's view handling on the thread that had just decided the view, inside
 * FD_SOCK2's event queue; what that handling sent then re-entered the queue, whose locks JGroups
 * releases once too often on such a re-entry (an {@code IllegalMonitorStateException} out of a
 * {@code kill -9}'s nodedown). Only single messages are looped back without a bundler.
 */
final class LoopbackToPool extends PassRegularMessagesUpDirectly {

    @Override
    public boolean loopback(Message msg, boolean oob) {
        return super.loopback(msg, true); // the flag only picks the pool over this thread; the message keeps its own
    }
}
