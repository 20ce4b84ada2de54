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
abstract class Mailbox {

    private static final VarHandle TAIL;
    private static final VarHandle SIZE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(Mailbox.class, "tail", Node.class);
            SIZE = lookup.findVarHandle(Mailbox.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node {
        Object message;
        volatile Node next;

        Node(Object message) {
            this.message = message;
        }
    }

    @SuppressWarnings("unused") // written through TAIL
    private volatile Node tail;
    private Node head;
    private ArrayDeque<Object> stash;
    @SuppressWarnings("unused") // updated through SIZE
    private volatile int size;

    protected Mailbox() {
        Node stub = new Node(null);
        head = stub;
        tail = stub;
    }

    /** Appends a message; any thread. */
    void offer(Object message) {
        Node node = new Node(message);
        SIZE.getAndAdd(this, 1);
        Node previous = (Node) TAIL.getAndSet(this, node);
        previous.next = node;
    }

    /** Messages waiting, stash included; any thread, approximate while messages arrive. */
    int size() {
        return size;
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
            SIZE.getAndAdd(this, -1);
            return stash.pollFirst();
        }
        Object message = pollArrival();
        if (message != null) {
            SIZE.getAndAdd(this, -1);
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
                    SIZE.getAndAdd(this, -1);
                    return message;
                }
            }
        }
        for (Object message = pollArrival(); message != null; message = pollArrival()) {
            if (matches.test(message)) {
                SIZE.getAndAdd(this, -1);
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
        SIZE.getAndAdd(this, -removed);
        return removed;
    }

    private ArrayDeque<Object> stash() {
        if (stash == null) {
            stash = new ArrayDeque<>();
        }
        return stash;
    }

    private Object pollArrival() {
        Node current = head;
        Node next = current.next;
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
        Object message = next.message;
        next.message = null;
        head = next;
        return message;
    }
}
