package dev.supervision.cluster;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages received from one member, handled in the order they arrived: a small one on the
 * receiving thread itself when nothing from that member is still queued (a call, a reply or a lone
 * message then costs no thread hand-off), any other queued and handled by a worker of the node's
 * executor, one message after another. The receiving thread thus never does more than a small
 * message's work before it reads the next one, so what JGroups reads after a burst of data (its
 * heartbeats, its acknowledgements) never waits behind the handling of that data.
 *
 * <p>Messages of one member are offered by one thread at a time (UNICAST3 delivers a member's
 * messages in order, one thread at a time), which is what lets a small one go inline: when nothing is
 * pending, everything offered before it has been handled.
 */
final class ReceiveLane {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLane.class);

    /** Messages up to this length may be handled on the receiving thread. */
    static final int INLINE_BYTES = 1024;

    /** Who handles a message's bytes. */
    interface Handling {
        /** Handles the {@code length} bytes at {@code offset} of {@code bytes}; never throws. */
        void handle(byte[] bytes, int offset, int length);
    }

    private record Queued(byte[] bytes, int offset, int length) {
    }

    private final Handling handling;
    private final Executor workers;
    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    ReceiveLane(Handling handling, Executor workers) {
        this.handling = handling;
        this.workers = workers;
    }

    /** A message arrived: handled now when it is small and nothing is queued, else queued behind the rest. */
    void offer(byte[] bytes, int offset, int length) {
        if (length <= INLINE_BYTES && pending.get() == 0) {
            handling.handle(bytes, offset, length);
            return;
        }
        queue.add(new Queued(bytes, offset, length));
        if (pending.getAndIncrement() == 0) {
            workers.execute(this::drain);
        }
    }

    private void drain() {
        do {
            Queued next = queue.poll();
            try {
                handling.handle(next.bytes(), next.offset(), next.length());
            } catch (RuntimeException | Error e) {
                LOG.error("a received message could not be handled", e); // the lane goes on with the next
            }
        } while (pending.decrementAndGet() > 0);
    }
}
