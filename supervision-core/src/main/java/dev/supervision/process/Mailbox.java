package dev.supervision.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * A process's mailbox: any thread appends, only the owning process takes. {@link ProcessCell} extends it
 * rather than holding one, which saves an object per process (an idle GenServer is meant to cost a few
 * hundred bytes, and a million of them are the W1 benchmark).
 *
 * <p>Arrivals go into a lock-free multi-producer, single-consumer linked queue. Messages that a
 * selective receive passed over wait in a consumer-private stash, ahead of the queue, so arrival order
 * is kept for later receives.
 */
abstract class Mailbox extends QueueNode {

    private static final VarHandle TAIL;
    private static final VarHandle ARRIVED;
    private static final VarHandle TAKEN;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(Mailbox.class, "tail", QueueNode.class);
            ARRIVED = lookup.findVarHandle(Mailbox.class, "arrived", int.class);
            TAKEN = lookup.findVarHandle(Mailbox.class, "taken", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A queued message. */
    private static final class MessageNode extends QueueNode {
        Object message;

        MessageNode(Object message) {
            this.message = message;
        }
    }

    @SuppressWarnings("unused") // written through TAIL
    private volatile QueueNode tail;
    private QueueNode head;
    private ArrayDeque<Object> stash;
    /** Messages ever offered (any thread, atomically) and taken (the owner only): the length is the difference. */
    @SuppressWarnings("unused") // updated through ARRIVED
    private volatile int arrived;
    @SuppressWarnings("unused") // written through TAKEN
    private int taken;

    protected Mailbox() {
        head = this; // the mailbox is its own first stub: no node for an empty mailbox
        tail = this;
    }

    /** Appends a message; any thread. */
    void offer(Object message) {
        MessageNode node = new MessageNode(message);
        ARRIVED.getAndAdd(this, 1);
        QueueNode previous = (QueueNode) TAIL.getAndSet(this, node);
        previous.next = node;
    }

    /** Messages waiting, stash included; any thread, approximate while messages arrive. */
    int size() {
        return Math.max(0, arrived - (int) TAKEN.getAcquire(this));
    }

    /** The owner took {@code count} messages: one writer, so a release store, no atomic read-modify-write. */
    private void took(int count) {
        TAKEN.setRelease(this, taken + count);
    }

    /** Whether nothing waits; the owner only. */
    boolean isEmpty() {
        return (stash == null || stash.isEmpty()) && head == tail;
    }

    /** Whether messages have arrived that nobody took yet, stash not counted; the owner only. */
    boolean hasArrivals() {
        return head != tail;
    }

    /** Takes the oldest message, or null; the owner only. */
    Object poll() {
        if (stash != null && !stash.isEmpty()) {
            took(1);
            return stash.pollFirst();
        }
        Object message = pollArrival();
        if (message != null) {
            took(1);
        }
        return message;
    }

    /**
     * Takes the oldest message that matches, or null, passing over (and keeping, in order) the others;
     * the owner only.
     */
    Object pollMatching(Predicate<Object> matches) {
        if (stash != null) {
            for (Iterator<Object> it = stash.iterator(); it.hasNext(); ) {
                Object message = it.next();
                if (matches.test(message)) {
                    it.remove();
                    took(1);
                    return message;
                }
            }
        }
        for (Object message = pollArrival(); message != null; message = pollArrival()) {
            if (matches.test(message)) {
                took(1);
                return message;
            }
            stash().addLast(message);
        }
        return null;
    }

    /** Removes every waiting message that matches; the owner only. */
    int removeIf(Predicate<Object> matches) {
        for (Object message = pollArrival(); message != null; message = pollArrival()) {
            stash().addLast(message);
        }
        if (stash == null) {
            return 0;
        }
        int before = stash.size();
        stash.removeIf(matches);
        int removed = before - stash.size();
        took(removed);
        return removed;
    }

    private ArrayDeque<Object> stash() {
        if (stash == null) {
            stash = new ArrayDeque<>();
        }
        return stash;
    }

    private Object pollArrival() {
        QueueNode current = head;
        QueueNode next = current.next;
        if (next == null) {
            if (current == tail) {
                return null;
            }
            // A producer has swapped the tail but not linked its node yet: it is about to.
            do {
                Thread.onSpinWait();
                next = current.next;
            } while (next == null);
        }
        MessageNode node = (MessageNode) next;
        Object message = node.message;
        node.message = null;
        head = node;
        if (current == this) {
            // The mailbox was its own stub; it is never the tail again, so no producer writes its link:
            // drop it, or it would hold every node ever queued after it.
            next = null;
            this.next = null;
        }
        return message;
    }
}
