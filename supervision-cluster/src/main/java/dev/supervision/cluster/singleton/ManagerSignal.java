package dev.supervision.cluster.singleton;

import dev.supervision.cluster.singleton.SingletonMessage.Status;
import java.util.concurrent.CompletableFuture;

/** What a singleton's manager tells itself, or hears from its own node; never sent to another node. */
sealed interface ManagerSignal {

    /**
     * A probe of {@code node} ended: {@code status} is its manager's answer, or null when it has none
     * (no manager, no answer in time, node gone).
     *
     * @param node the probed node
     * @param probe which probe of that node, so that an older answer cannot close a newer probe
     * @param status the answer, or null
     * @param timedOut whether no answer came in time (the node may just be slow: it is probed again)
     */
    record ProbeAnswered(String node, long probe, Status status, boolean timedOut) implements ManagerSignal {
    }

    /** A reservation may have ended. */
    record Recheck() implements ManagerSignal {
    }

    /**
     * This node leaves the cluster: stop the instance, say goodbye, then complete {@code done}.
     *
     * @param done completed once the instance has ended and the others were told
     */
    record Leave(CompletableFuture<Void> done) implements ManagerSignal {
    }
}
