package dev.supervision.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The frames on their way to one member, in the order they were handed over. A frame that may wait
 * (a message: a send or a cast) is queued and goes out with the next batch; any other frame is sent at
 * once on the calling thread, after everything queued before it and in the same JGroups message. One
 * batch is sent at a time, so the member receives the frames in the order they were given here.
 */
final class SendQueue {

    /** Queued bytes past which the queuing thread sends the batch itself instead of leaving it to the sender thread. */
    static final int MAX_QUEUED_BYTES = 256 * 1024;

    private final Consumer<byte[]> send;
    private final Consumer<byte[]> sendUnblocked;
    private final ReentrantLock sending = new ReentrantLock();
    private List<byte[]> queued = new ArrayList<>(); // guarded by this
    private int queuedBytes; // guarded by this

    /**
     * A queue whose batches go out through {@code send} (one JGroups message each), and whose lone
     * frames from a thread that must not block through {@code sendUnblocked} (past flow control).
     */
    SendQueue(Consumer<byte[]> send, Consumer<byte[]> sendUnblocked) {
        this.send = send;
        this.sendUnblocked = sendUnblocked;
    }

    /**
     * Queues a frame that may wait for the next batch.
     *
     * @return whether the queue was empty, so that whoever sends batches must be told
     */
    boolean enqueue(byte[] frame) {
        boolean wasEmpty = add(frame);
        if (full()) {
            sendNow(null); // the member reads slower than this node queues: the producer pays
        }
        return wasEmpty;
    }

    /**
     * Sends a frame for a thread that must never wait (the one that reads the member's messages: while
     * it waited, nothing it should read, flow-control credits among them, would be read): alone and at
     * once when no other thread is sending to the member and nothing is queued, else queued behind
     * what is.
     *
     * @return whether the frame was queued and the queue was empty, so that whoever sends batches must be told
     */
    boolean sendOrQueueWithoutWaiting(byte[] frame) {
        if (sending.tryLock()) {
            try {
                boolean empty;
                synchronized (this) {
                    empty = queued.isEmpty();
                }
                if (empty) {
                    sendUnblocked.accept(FrameBatch.join(List.of(frame)));
                    return false;
                }
            } finally {
                sending.unlock();
            }
        }
        return add(frame);
    }

    /** Queues {@code frame}; whether the queue was empty. */
    private synchronized boolean add(byte[] frame) {
        boolean wasEmpty = queued.isEmpty();
        queued.add(frame);
        queuedBytes += frame.length;
        return wasEmpty;
    }

    private synchronized boolean full() {
        return queuedBytes >= MAX_QUEUED_BYTES;
    }

    /** Sends what is queued, then {@code frame} (none when null), on the calling thread. */
    void sendNow(byte[] frame) {
        sending.lock();
        try {
            List<byte[]> batch = drain();
            if (frame != null) {
                batch.add(frame);
            }
            if (!batch.isEmpty()) {
                send.accept(FrameBatch.join(batch));
            }
        } finally {
            sending.unlock();
        }
    }

    private synchronized List<byte[]> drain() {
        if (queued.isEmpty()) {
            return new ArrayList<>(1);
        }
        List<byte[]> batch = queued;
        queued = new ArrayList<>(Math.max(8, batch.size()));
        queuedBytes = 0;
        return batch;
    }
}
