package dev.supervision.process;

/**
 * A link of a mailbox's queue. {@link Mailbox} itself extends it so that an empty mailbox needs no
 * separate stub node: the mailbox is its own first stub.
 */
class QueueNode {

    volatile QueueNode next;
}
