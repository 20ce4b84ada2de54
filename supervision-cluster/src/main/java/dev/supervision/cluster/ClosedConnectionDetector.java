package dev.supervision.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.stack.IpAddress;

/**
 * JGroups' FD_SOCK2 (each member keeps a TCP connection to its neighbour in the view and suspects it
 * when that connection closes) with two changes. First, only evidence of death is a suspicion. A closed
 * connection or a refused connect means the neighbour's process is gone, as Erlang takes a closed
 * distribution connection, and goes to the coordinator at once. A connect that is merely left
 * unanswered within FD_SOCK2's {@code connect_timeout}, or a neighbour whose address this node has
 * not learnt yet, is not: a member that has just started, or is
 * paused for a moment, answers late, and FD_SOCK2 alone would have it excluded from the view (then
 * merged back, with the view's order and so seniority changed). Such a neighbour is tried again after
 * the same timeout, a few times; a member that stays silent is FD_ALL3's to suspect, after its
 * heartbeat timeout. Second, a neighbour whose connection closed is suspected before this node connects
 * to the next one, not after, so that a slow next neighbour does not delay the nodedown.
 *
 * <p>On the wire this is FD_SOCK2: it takes FD_SOCK2's protocol id, so members with and without it
 * understand each other. Named in the stack by its class name (see {@link StackConfig}).
 */
public final class ClosedConnectionDetector extends FD_SOCK2 {

    /** How many times a silent neighbour is tried again before FD_ALL3 is left to decide. */
    static final int RETRIES = 3;

    private final Map<Address, Integer> unanswered = new ConcurrentHashMap<>();

    /** The protocol, with FD_SOCK2's id; JGroups creates it from the stack's XML. */
    public ClosedConnectionDetector() {
        setId(ClassConfigurator.getProtocolId(FD_SOCK2.class));
    }

    /**
     * A neighbour whose connection closed is suspected at once, before the next neighbour is connected
     * to (FD_SOCK2 suspects it only after that connect, which a late answer made wait its whole timeout).
     */
    @Override
    protected void connectToNextPingDest(Address closed) {
        if (closed != null) {
            broadcastSuspectMessage(new ArrayList<>(List.of(closed)));
        }
        super.connectToNextPingDest(null);
    }

    @Override
    protected boolean connectTo(IpAddress dest, Address member) {
        long start = System.nanoTime();
        boolean connected = super.connectTo(dest, member);
        if (connected) {
            unanswered.remove(member);
        } else if (System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(connect_timeout)) {
            unanswered.merge(member, 1, Integer::sum);
        }
        return connected;
    }

    /** A neighbour whose address this node has not learnt yet is not dead either: it is tried again. */
    @Override
    protected List<IpAddress> getPhysicalAddresses(Address member) {
        List<IpAddress> addresses = super.getPhysicalAddresses(member);
        if (addresses.isEmpty()) {
            unanswered.merge(member, 1, Integer::sum);
        }
        return addresses;
    }

    @Override
    protected void broadcastSuspectMessage(List<Address> suspects) {
        List<Address> dead = new ArrayList<>(suspects.size());
        for (Address suspect : suspects) {
            Integer tries = unanswered.get(suspect);
            if (tries == null) {
                dead.add(suspect);
            } else if (tries <= RETRIES) {
                log.debug("%s: %s did not answer within %d ms; not suspected, tried again later",
                        local_addr, suspect, connect_timeout);
                timer.schedule(() -> tryAgain(suspect), connect_timeout, TimeUnit.MILLISECONDS);
            }
        }
        super.broadcastSuspectMessage(dead);
    }

    /** Puts a silent neighbour back among the members to connect to, if it is still in the view. */
    private void tryAgain(Address member) {
        if (!members.contains(member) || suspected_mbrs.contains(member)) {
            unanswered.remove(member);
            return;
        }
        List<Address> pingable = new ArrayList<>(members.getMembers());
        pingable.removeAll(suspected_mbrs.getMembers());
        pingable_mbrs.set(pingable);
        // an UNSUSPECT of nobody: makes FD_SOCK2's own queue connect to the next neighbour again
        handle(new FdHeader(FdHeader.UNSUSPECT).mbrs(List.of()), local_addr);
    }
}
