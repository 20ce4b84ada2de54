package dev.supervision.cluster;

import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that sends the queued frames of every member: woken when a {@link SendQueue} stops being
 * empty, it sends that queue's batch, while the frames queued meanwhile make up the next one. A thread
 * that casts in a loop thus pays for the encoding alone, and the cluster for one message per batch.
 */
final class BatchSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final LinkedBlockingQueue<SendQueue> ready = new LinkedBlockingQueue<>();
    private final Thread thread;

    /** Starts the sender thread, named after the node. */
    BatchSender(String node) {
        this.thread = new Thread(this::run, "supervision-cluster-sender-" + node);
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code queue} has frames to send. */
    void ready(SendQueue queue) {
        ready.add(queue);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            SendQueue queue;
            try {
                queue = ready.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                queue.sendNow(null);
            } catch (RuntimeException e) {
                LOG.warn("could not send a batch of frames: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
